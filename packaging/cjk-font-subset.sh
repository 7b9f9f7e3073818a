#!/bin/sh
# Cuts Noto Sans CJK SC (regular and bold) down to the characters the interface can show: every character of
# the message bundles and help pages, plus ASCII, Latin-1 and the symbols of formulas and labels. Rerun it after
# adding Chinese text; CjkFontTest fails (naming the characters) while the font lacks one.
# Needs Debian's fonts-noto-cjk (only unpacked, not installed: `apt-get download fonts-noto-cjk`, `dpkg -x`)
# and python3-fonttools.  Usage: packaging/cjk-font-subset.sh [directory holding NotoSansCJK-*.ttc]
set -eu
fonts=${1:-/usr/share/fonts/opentype/noto}
res=src/main/resources/org/ninexplorer/ui
out=$res/fonts
text=$(mktemp)
trap 'rm -f "$text"' EXIT
cat $res/messages*.properties $res/help/*.txt > "$text"
# Basic Latin, Latin-1, general punctuation, super/subscripts, arrows, mathematical operators (×, −, ·, ≤),
# technical (⌊ ⌋), box drawing, blocks, geometric shapes (◐ ▸ ●), CJK punctuation and full-width forms.
unicodes="U+0020-007E,U+00A0-00FF,U+2000-206F,U+2070-209F,U+2190-21FF,U+2200-22FF,U+2300-23FF,U+2500-25FF,U+3000-303F,U+FF00-FFEF"
# Face 2 of the collection is Noto Sans CJK SC (0 JP, 1 KR, 3 TC, 4 HK), face 7 Noto Sans Mono CJK SC.
subset() {
    python3 -m fontTools.subset "$fonts/NotoSansCJK-$1.ttc" --font-number="$2" --text-file="$text" \
        --unicodes="$unicodes" --layout-features='*' --name-IDs='*' --name-languages='*' --output-file="$out/$3"
}
subset Regular 2 NotoSansCJKsc-Regular-subset.otf
subset Bold 2 NotoSansCJKsc-Bold-subset.otf
subset Regular 7 NotoSansMonoCJKsc-Regular-subset.otf
ls -l "$out"
