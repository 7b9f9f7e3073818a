#!/usr/bin/env bash
# Draws the app icon (nested squares: a network inside a network, with the 1x1 "dot" at its heart)
# and writes the PNG set for Linux, the .ico for Windows and the .icns for macOS into icons/.
# Needs ImageMagick (Debian: imagemagick) and png2icns (Debian: icnsutils).
set -euo pipefail
cd "$(dirname "$0")/.."
IM=/usr/bin/convert
out=icons
mkdir -p "$out"

draw() { # size
  local s=$1
  # Geometry in a 64-unit grid, scaled; the small sizes keep thick strokes so they stay legible.
  local k; k=$(echo "$s / 64" | bc -l)
  local r; r=$(printf '%.0f' "$(echo "12*$k" | bc -l)")
  local stroke; stroke=$(printf '%.1f' "$(echo "if ($s <= 24) 2.0 else 5*$k" | bc -l)")
  local o1; o1=$(printf '%.1f' "$(echo "14*$k" | bc -l)")
  local o2; o2=$(printf '%.1f' "$(echo "50*$k" | bc -l)")
  local i1; i1=$(printf '%.1f' "$(echo "24*$k" | bc -l)")
  local i2; i2=$(printf '%.1f' "$(echo "40*$k" | bc -l)")
  local c; c=$(printf '%.1f' "$(echo "32*$k" | bc -l)")
  local d; d=$(printf "%.1f" "$(echo "34.5*$k" | bc -l)")
  local dot=(-fill '#2456c9' -draw "circle $c,$c $d,$c")
  if [ "$s" -le 24 ]; then dot=(); fi # too small to read: the nested squares carry the motif alone
  "$IM" -size "${s}x${s}" xc:none \
    -fill '#2456c9' -draw "roundrectangle 0,0 $((s-1)),$((s-1)) $r,$r" \
    -fill none -stroke white -strokewidth "$stroke" -draw "rectangle $o1,$o1 $o2,$o2" \
    -fill '#ffb000' -stroke none -draw "rectangle $i1,$i1 $i2,$i2" \
    "${dot[@]}" \
    "$out/nin-explorer-$s.png"
}

for s in 16 24 32 48 64 128 256 512 1024; do draw "$s"; done
"$IM" "$out"/nin-explorer-{16,24,32,48,64,128,256}.png "$out/nin-explorer.ico"
png2icns "$out/nin-explorer.icns" "$out"/nin-explorer-{16,32,128,256,512,1024}.png >/dev/null
rm "$out/nin-explorer-1024.png"
ls -la "$out"
