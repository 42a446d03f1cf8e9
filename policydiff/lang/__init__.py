"""The language of policy texts: numerals, word segmentation and the normalized text compared.

Everything later stages need to read Chinese as Chinese: the one numeral parser (labels, amounts,
大写), jieba's segmentation and the script/width/punctuation folding with its map back.

May import: the standard library, third-party text libraries, policydiff.model and policydiff.errors.
"""
