; Inno Setup 6 script: installs dist\policydiff\ (built by packaging\build.py on Windows).
; Compile from the checkout:  ISCC.exe /DAppVersion=0.1.0 packaging\windows\policydiff.iss
; Output: dist\policydiff-<version>-setup.exe. Not built on the Linux CI machine.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "policydiff"
#define SourceDir "..\..\dist\policydiff"

[Setup]
AppId={{6C1E7F0B-2F4E-4E8B-9E53-9C7B0D4A1F21}
AppName={#AppName}
AppVerName={#AppName} {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=policydiff
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install by default (no administrator rights); the user may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=..\..\build\packaging\policydiff.ico
UninstallDisplayIcon={app}\policydiff.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\policydiff.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\policydiff.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\policydiff.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
