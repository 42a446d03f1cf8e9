"""Recognise the text lines of one page image on this machine: detection, then recognition.

Runs the PP-OCRv4 Chinese detection and recognition models that the rapidocr-onnxruntime wheel
ships (Apache-2.0), on onnxruntime's CPU provider, with nothing fetched at run time. Detection
reuses RapidOCR's DB pre- and post-processing; recognition is done here because the layout needs
what RapidOCR's pipeline throws away: each character's position along its line (from the CTC time
step) and its own confidence. Red seals are taken out of the image before detection, red print
(a 红头 header) is kept as ink. Only the ``[ocr]`` extra brings numpy, OpenCV and onnxruntime.
May import: the standard library, numpy, cv2, onnxruntime, rapidocr_onnxruntime.
"""

from __future__ import annotations

import importlib.util
import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    Image = NDArray[np.uint8]
else:
    Image = Any

EXTRA = "pip install 'policydiff[ocr]'"


class OcrUnavailable(RuntimeError):
    """The OCR extra is not installed (or its models are missing)."""


@dataclass(frozen=True)
class OcrParams:
    """Speed and honesty settings; see bench/bench_ocr.py for how each was chosen."""

    # the page is detected at most this many pixels on its long side: 1120 reads the test scans as
    # well as 1280 for 12 % less CPU; 960 (PaddleOCR's own) misread a 200 dpi seed page
    det_side: int = 1120
    rec_height: int = 40  # line height fed to the model (trained at 48; 40 reads as well, 1.5x faster)
    rec_batch_width: int = 3000  # pixels of line width per recognition batch (padded to the widest)
    threads: int = 1  # onnxruntime intra-op threads (pages run in parallel processes instead)
    low_confidence: float = 0.8  # a character below this probability is marked as uncertain
    min_line_score: float = 0.3  # a line whose mean probability is below this is noise, not text
    seal_min_inch: float = 0.9  # a red blob at least this wide and tall, about square, is a seal
    det_box_thresh: float = 0.5
    det_unclip: float = 1.6


@dataclass(frozen=True, slots=True)
class OcrChar:
    """One recognised character: its x extent along the line (pixels of the page) and probability."""

    ch: str
    x0: float
    x1: float
    conf: float


@dataclass(frozen=True)
class OcrLine:
    """A recognised line in page pixels, y down, after the page's skew is taken out."""

    chars: tuple[OcrChar, ...]
    x0: float
    x1: float
    y0: float
    y1: float

    @property
    def text(self) -> str:
        return "".join(c.ch for c in self.chars)


@dataclass(frozen=True)
class OcrPage:
    """A page's recognised lines and its size in pixels."""

    lines: tuple[OcrLine, ...]
    width: int
    height: int
    skew: float = 0.0  # degrees the page was turned (taken out of the line boxes)
    seals: int = 0  # red seals left out of the text


def model_dir() -> Path:
    """Where the rapidocr-onnxruntime wheel keeps its models.

    Raises:
        OcrUnavailable: the extra is not installed.
    """
    try:
        spec = importlib.util.find_spec("rapidocr_onnxruntime")
        ok = (
            spec is not None
            and spec.origin is not None
            and importlib.util.find_spec("onnxruntime") is not None
        )
    except (ImportError, ValueError):
        ok = False
    if not ok or spec is None or spec.origin is None:
        raise OcrUnavailable(f"OCR is not installed; {EXTRA}")
    models = Path(spec.origin).parent / "models"
    if not (models / _DET).is_file() or not (models / _REC).is_file():
        raise OcrUnavailable(f"the OCR models are missing from rapidocr-onnxruntime; {EXTRA} again")
    return models


def available() -> bool:
    try:
        model_dir()
    except OcrUnavailable:
        return False
    return True


_DET = "ch_PP-OCRv4_det_infer.onnx"
_REC = "ch_PP-OCRv4_rec_infer.onnx"


class Engine:
    """Detection and recognition sessions, loaded once per process (about a second)."""

    def __init__(self, params: OcrParams = OcrParams()) -> None:
        models = model_dir()
        import onnxruntime as ort
        from rapidocr_onnxruntime.ch_ppocr_det.utils import DBPostProcess

        options = ort.SessionOptions()
        options.log_severity_level = 4
        options.intra_op_num_threads = max(1, params.threads)
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        providers = ["CPUExecutionProvider"]
        self.params = params
        self._det = ort.InferenceSession(str(models / _DET), options, providers=providers)
        self._rec = ort.InferenceSession(str(models / _REC), options, providers=providers)
        chars = self._rec.get_modelmeta().custom_metadata_map["character"].splitlines()
        self._chars = ["", *chars, " "]  # CTC blank first, space last, as PaddleOCR trains
        self._post = DBPostProcess(
            thresh=0.3,
            box_thresh=params.det_box_thresh,
            max_candidates=1000,
            unclip_ratio=params.det_unclip,
            use_dilation=True,
            score_mode="fast",
        )

    def read(self, image: Image, dpi: float = 200.0) -> OcrPage:
        """The lines of an RGB page image (height × width × 3, uint8)."""
        height, width = image.shape[:2]
        clean, seals = remove_seals(image, dpi, self.params)
        boxes = self._detect(clean)
        if not boxes:
            return OcrPage((), width, height, 0.0, seals)
        skew = _skew(boxes)
        crops = [_crop(clean, box, self.params.rec_height) for box in boxes]
        decoded = self._recognise(crops)
        turn = -math.radians(skew)
        cos, sin = math.cos(turn), math.sin(turn)
        cx, cy = width / 2, height / 2
        lines: list[OcrLine] = []
        for box, (text_steps, scale) in zip(boxes, decoded, strict=True):
            if not text_steps:
                continue
            if sum(p for _c, _s, _e, p in text_steps) / len(text_steps) < self.params.min_line_score:
                continue
            pts = [
                ((x - cx) * cos - (y - cy) * sin + cx, (x - cx) * sin + (y - cy) * cos + cy) for x, y in box
            ]
            xs = [p[0] for p in pts]
            ys = [p[1] for p in pts]
            left, right = min(xs), max(xs)
            top, bottom = min(ys), max(ys)
            span = (right - left) / max(scale, 1e-6)  # page pixels per resized pixel
            out = [
                OcrChar(ch, left + start * span, left + end * span, float(prob))
                for ch, start, end, prob in text_steps
            ]
            lines.append(OcrLine(tuple(out), left, right, top, bottom))
        return OcrPage(tuple(lines), width, height, skew, seals)

    def _detect(self, image: Image) -> list[list[tuple[float, float]]]:
        import cv2
        import numpy as np

        height, width = image.shape[:2]
        ratio = min(1.0, self.params.det_side / max(height, width))
        h = max(32, int(round(height * ratio / 32)) * 32)
        w = max(32, int(round(width * ratio / 32)) * 32)
        small = cv2.resize(image, (w, h), interpolation=cv2.INTER_AREA)
        blob = ((small.astype(np.float32) / 255.0 - 0.5) / 0.5).transpose(2, 0, 1)[np.newaxis]
        pred = self._det.run(None, {self._det.get_inputs()[0].name: blob})[0]
        boxes, _scores = self._post(pred, (height, width))
        out: list[list[tuple[float, float]]] = []
        for box in boxes:
            pts = _clockwise([(float(x), float(y)) for x, y in box])
            pts = [(min(max(x, 0.0), width - 1.0), min(max(y, 0.0), height - 1.0)) for x, y in pts]
            if _dist(pts[0], pts[1]) > 3 and _dist(pts[0], pts[3]) > 3:
                out.append(pts)
        return out

    def _recognise(self, crops: list[Image]) -> list[tuple[list[tuple[str, float, float, float]], float]]:
        """Each crop's characters as (char, start, end, probability), x in the crop's resized pixels."""
        import numpy as np

        order = sorted(range(len(crops)), key=lambda i: crops[i].shape[1])
        results: list[tuple[list[tuple[str, float, float, float]], float]] = [([], 1.0)] * len(crops)
        name = self._rec.get_inputs()[0].name
        batch: list[int] = []

        def flush() -> None:
            widest = max(crops[i].shape[1] for i in batch)
            widest = max(widest, self.params.rec_height)
            blob = np.zeros((len(batch), 3, self.params.rec_height, widest), dtype=np.float32)
            for k, i in enumerate(batch):
                crop = crops[i]
                blob[k, :, :, : crop.shape[1]] = (crop.astype(np.float32) / 127.5 - 1.0).transpose(2, 0, 1)
            probs = self._rec.run(None, {name: blob})[0]
            for k, i in enumerate(batch):
                results[i] = (self._decode(probs[k], widest), float(crops[i].shape[1]))

        for i in order:
            if batch and crops[i].shape[1] * (len(batch) + 1) > self.params.rec_batch_width:
                flush()
                batch = []
            batch.append(i)
        if batch:
            flush()
        return results

    def _decode(self, probs: Any, width: int) -> list[tuple[str, float, float, float]]:
        """CTC greedy decoding that keeps each character's time steps and its best probability."""
        best = probs.argmax(axis=1)
        top = probs.max(axis=1)
        steps = len(best)
        per_step = width / max(steps, 1)
        out: list[tuple[str, float, float, float]] = []
        prev = 0
        for t in range(steps):
            idx = int(best[t])
            if idx != 0 and idx != prev and idx < len(self._chars):
                out.append((self._chars[idx], t * per_step, (t + 1) * per_step, float(top[t])))
            elif idx != 0 and idx == prev and out:
                ch, start, _end, prob = out[-1]
                out[-1] = (ch, start, (t + 1) * per_step, max(prob, float(top[t])))
            prev = idx
        return out


def _dist(a: tuple[float, float], b: tuple[float, float]) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


def _clockwise(pts: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Top-left, top-right, bottom-right, bottom-left."""
    by_x = sorted(pts)
    left = sorted(by_x[:2], key=lambda p: p[1])
    right = sorted(by_x[2:], key=lambda p: p[1])
    return [left[0], right[0], right[1], left[1]]


def _skew(boxes: list[list[tuple[float, float]]]) -> float:
    """The page's rotation in degrees, from the top edges of its long lines (0 when too few)."""
    angles = []
    for tl, tr, br, bl in boxes:
        w = _dist(tl, tr)
        if w > 4 * _dist(tl, bl):
            angles.append(
                math.degrees(math.atan2((tr[1] - tl[1]) + (br[1] - bl[1]), (tr[0] - tl[0]) + (br[0] - bl[0])))
            )
    if len(angles) < 3:
        return 0.0
    angles.sort()
    return angles[len(angles) // 2]


def _crop(image: Image, box: list[tuple[float, float]], height: int) -> Image:
    """The line straightened and scaled to the recognition height in one warp."""
    import cv2
    import numpy as np

    tl, tr, br, bl = box
    w = max(_dist(tl, tr), _dist(bl, br))
    h = max(_dist(tl, bl), _dist(tr, br), 1.0)
    out_w = max(8, int(math.ceil(w * height / h)))
    src = np.array(box, dtype=np.float32)
    dst = np.array([[0, 0], [out_w, 0], [out_w, height], [0, height]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(src, dst)
    crop = cv2.warpPerspective(
        image, matrix, (out_w, height), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
    return np.asarray(crop, dtype=np.uint8)


def remove_seals(image: Image, dpi: float, params: OcrParams) -> tuple[Image, int]:
    """The page with red seals whitened and other red print (a 红头, a red rule) turned dark.

    A seal is a red blob about as wide as tall and at least ``seal_min_inch`` across (its ring);
    all red inside its box goes with it. Red that is not a seal is print to read. Black text under
    a seal stays: only red pixels change.

    Returns:
        The cleaned image (a copy when anything changed) and the number of seals removed.
    """
    import cv2
    import numpy as np

    rgb = image.astype(np.int16)
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    red = (r - np.maximum(g, b) > 60) & (r > 110)
    if not red.any():
        return image, 0
    mask = red.astype(np.uint8)
    grow = max(3, int(dpi / 8))  # wide enough to bridge a ring where black print crosses it
    merged = cv2.dilate(mask, np.ones((grow, grow), np.uint8))
    count, labels, stats, _centroids = cv2.connectedComponentsWithStats(merged, connectivity=8)
    seal_px = params.seal_min_inch * dpi
    seal_ids = [
        i
        for i in range(1, count)
        if min(stats[i, cv2.CC_STAT_WIDTH], stats[i, cv2.CC_STAT_HEIGHT]) >= seal_px
        and 0.7 <= stats[i, cv2.CC_STAT_WIDTH] / max(1, stats[i, cv2.CC_STAT_HEIGHT]) <= 1.4
    ]
    out = image.copy()
    seal = np.zeros_like(red)
    for i in seal_ids:  # the ring's box: its star and inner words are blobs of their own
        x, y = stats[i, cv2.CC_STAT_LEFT], stats[i, cv2.CC_STAT_TOP]
        w, h = stats[i, cv2.CC_STAT_WIDTH], stats[i, cv2.CC_STAT_HEIGHT]
        seal[y : y + h, x : x + w] = True
    # In a seal's box every pixel at or next to red ink goes white (a JPEG's blurred colour
    # leaves grey rims around red strokes) unless it is dark print, which the seal never is:
    # black text under (or inked over by) the seal stays.
    near = cv2.dilate((r - np.maximum(g, b) > 20).astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
    dark_print = np.maximum(np.maximum(r, g), b) < 100
    seal &= near & ~dark_print
    out[seal] = 255
    out[red & ~seal] = 40  # red print (a 红头, a rule) read as dark ink
    return out, len(seal_ids)
