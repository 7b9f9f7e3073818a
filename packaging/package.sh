#!/usr/bin/env bash
# Builds the NiN Explorer app image and the native installer of this OS with jpackage.
#   packaging/package.sh            app image + native installer (.deb on Debian/Ubuntu)
#   packaging/package.sh app-image  app image only
# Output: target/installer/. The runtime is trimmed with jlink (modules found with jdeps) and JavaFX
# is linked into it; ND4J stays on the class path (its module-info is broken) with this OS's natives only.
#
# Native libraries (Linux): taken out of their jars here and shipped once each, as plain files the app
# loads where they are. Left in the jars, JavaCPP unpacks ~510 MB of them into every user's
# ~/.javacpp/cache on the first start, and JavaFX its own into ~/.openjfx/cache. ND4J's, OpenBLAS's,
# oneDNN's and JNA's go to app/natives/, which the launcher puts on the class path after every jar (a
# class-data sharing archive cannot serve classes from jars after a non-empty directory): JavaCPP (its
# cache and its library links switched off in resources/linux/jpackage-linux.cfg) and JNA load a library
# found as a file in place. JavaFX's go to the runtime's lib/, where a JavaFX linked into the runtime finds them.
#
# Class-data sharing (Linux): the JVM maps the ~7,600 classes of a start from an archive instead of
# reading, parsing and verifying them from 60 jars, a second of CPU before the first frame. The list of
# those classes is recorded from one start of the image (on $DISPLAY, or under xvfb-run without one) and
# shipped in it; the image's own JVM dumps the archive from that list, here into the image and at
# install time (postinst) into the installed app: an archive holds the absolute paths of the jars it was
# made from (Java 17 cannot relocate them), so one made here would not match /opt. Without a matching
# archive the app starts as it would without one.
#
# The .deb's maintainer is $NIN_DEB_MAINTAINER, else $DEBEMAIL (what Debian's own tools read), else
# whoever builds it (user@host, as dch does): a class's package is maintained by whoever builds it.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS=0
step() { printf '[%d:%02d] %s\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*"; }

case "$(uname -s)" in
  Linux) os=linux; fx=linux; native=deb ;;
  Darwin) os=mac; fx=mac; native=dmg ;;
  *) os=windows; fx=win; native=msi ;;
esac
types=("${1:-app-image}")
[ $# -eq 0 ] && types=(app-image "$native")
tools=()
[ "$os" = linux ] && tools+=(patchelf strip)
[[ " ${types[*]} " == *" deb "* ]] && tools+=(fakeroot)
for tool in "${tools[@]}"; do
  command -v "$tool" >/dev/null || { echo "package.sh needs $tool (Debian/Ubuntu: sudo apt install ${tool/strip/binutils})" >&2; exit 1; }
done

if [ ! -f target/dist/nin-explorer.jar ]; then
  step "building target/dist (mvn package)"
  mvn -B -q package -DskipTests
fi
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)

step "staging the jars"
stage=target/jpackage
image="target/installer/NiN Explorer"
rm -rf "$stage" target/installer
mkdir -p "$stage/input/lib" "$stage/javafx" target/installer
cp target/dist/nin-explorer.jar "$stage/input/"
# Only the jars the manifest names: target/dist/lib may still hold jars of earlier builds.
classpath=$(unzip -p target/dist/nin-explorer.jar META-INF/MANIFEST.MF | tr -d '\r' |
  awk '/^Class-Path:/ {f = 1; sub(/^Class-Path: /, ""); printf "%s", $0; next}
       f && /^ / {sub(/^ /, ""); printf "%s", $0; next} {f = 0}')
for entry in $classpath; do
  jar="target/dist/$entry"
  case "$(basename "$jar")" in
    javafx-*-"$fx".jar) cp "$jar" "$stage/javafx/" ;; # linked into the runtime as modules
    javafx-*) ;;                                       # empty classifier-less stubs
    *) cp "$jar" "$stage/input/lib/" ;;
  esac
done

# Moves the native libraries of jar $1 matching the extended regex $2 into directory $3, keeping their
# paths inside the jar, and deletes all its native libraries (JNA's jar holds every OS's) from it.
unpack_natives() {
  local entries keep
  entries=$(unzip -Z1 "$1" | grep -E '\.(so(\.[0-9]+)*|dll|dylib|jnilib|a)$' || true)
  [ -n "$entries" ] || return 0
  keep=$(grep -E "$2" <<<"$entries" || true)
  [ -z "$keep" ] || unzip -q -o "$1" $keep -d "$3"
  zip -q -d "$1" $entries >/dev/null
}

if [ "$os" = linux ]; then
  step "moving the native libraries out of their jars"
  natives="$stage/input/natives"
  for jar in "$stage"/input/lib/*.jar; do
    unpack_natives "$jar" '/linux-x86[-_]64[^/]*/[^/]+$' "$natives" # JavaCPP's and JNA's platform folders
  done
  # Every library keeps its soname as its file name, so neither JavaCPP nor the dynamic linker needs a
  # link. OpenBLAS is libopenblas.so.0; only the binding ND4J calls BLAS through,
  # libjniopenblas_nolapack, asks for it as libopenblas_nolapack.so.0 (the name JavaCPP's cache gives
  # it), and is pointed at the soname here.
  # Under any other name JavaCPP misses the file, finds a system OpenBLAS in /usr/lib instead, loads it
  # and, run as root, replaces the system's libgcc_s, libgfortran and libquadmath with links into the
  # app (which break every program once the app is gone).
  openblas="$natives/org/bytedeco/openblas/linux-x86_64"
  patchelf --replace-needed libopenblas_nolapack.so.0 libopenblas.so.0 "$openblas/libjniopenblas_nolapack.so"
  # libnd4j ships its full symbol table (37 of its 374 MB); loading needs only the dynamic one.
  strip --strip-unneeded "$natives"/org/nd4j/linalg/cpu/nativecpu/bindings/*/libnd4jcpu.so
  for jar in "$stage"/javafx/*.jar; do
    unpack_natives "$jar" '^[^/]+\.so$' "$stage/javafx-natives"
  done
fi

step "finding the runtime's modules (jdeps)"
modules=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps \
  --class-path "$stage/input/lib/*" "$stage/input/nin-explorer.jar")
# Loaded reflectively or by the natives, so jdeps cannot see them: TLS for downloads, Unsafe for ND4J.
modules="$modules,javafx.controls,javafx.fxml,java.net.http,jdk.crypto.ec,jdk.unsupported,jdk.zipfs"
# Used by DL4J, logback and oshi through reflection or service loading.
modules="$modules,java.logging,java.management,jdk.management,java.naming,java.scripting,java.compiler,jdk.jfr"
echo "        $modules"

step "building the app image (jlink, jpackage)"
jpackage @jpackage.cfg @packaging/app-image.cfg @"resources/$os/jpackage-$os.cfg" --type app-image \
  --app-version "$version" --input "$stage/input" --module-path "$stage/javafx" --add-modules "$modules" \
  --dest target/installer
if [ -d "$stage/javafx-natives" ]; then
  cp "$stage"/javafx-natives/*.so "$image/lib/runtime/lib/"
fi
if [ -d "$stage/input/natives" ]; then
  sed -i '/^\[JavaOptions\]/i app.classpath=$APPDIR/natives/' "$image/lib/app/NiN Explorer.cfg"
fi
echo "        $(du -sh "$image" | cut -f1)  $image"

launcher="$image/bin/NiN Explorer"
classlist="$image/lib/app/nin-explorer.classlist"   # postinst and app-image.cfg name these two
archive="$image/lib/app/nin-explorer.jsa"
if [ "$os" = linux ]; then
  step "recording the classes a start loads (class-data sharing)"
  # In a throwaway home: the start must not leave settings or data in the builder's.
  home=$(mktemp -d)
  smoke=(timeout 600 "$launcher" --smoke-test)
  [ -n "${DISPLAY:-}" ] || smoke=(xvfb-run -a -s "-screen 0 1366x768x24" "${smoke[@]}")
  if [ -z "${DISPLAY:-}" ] && ! command -v xvfb-run >/dev/null; then
    echo "        no display and no xvfb-run: the app starts without a class-data sharing archive"
  elif ! JAVA_TOOL_OPTIONS="-Duser.home='$home' -XX:DumpLoadedClassList='$classlist'" "${smoke[@]}" \
      >"$stage/classlist-start.log" 2>&1; then
    echo "        the recording start failed (see $stage/classlist-start.log): no class-data sharing archive"
    rm -f "$classlist"
  else
    step "dumping the class-data sharing archive"
    # The launcher's JVM dumps and exits before the app's main runs.
    JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile='$classlist'" "$launcher" >"$stage/cds-dump.log" 2>&1 ||
      { echo "dumping the archive failed, see $stage/cds-dump.log" >&2; exit 1; }
    echo "        $(grep -c -v '^#' "$classlist") classes, $(du -h "$archive" | cut -f1)  $archive"
  fi
  rm -rf "$home"
fi

maintainer=${NIN_DEB_MAINTAINER:-${DEBEMAIL:-$(id -un)@$(hostname -f 2>/dev/null || hostname)}}
for type in "${types[@]}"; do
  [ "$type" = app-image ] && continue
  step "building the $type installer from the app image (compressing takes the longest)"
  installer=()
  if [ "$os" = linux ]; then
    echo "        maintainer: $maintainer (set NIN_DEB_MAINTAINER to change)"
    installer=(--linux-deb-maintainer "$maintainer")
  fi
  # The installer makes its own archive for where it installs the app (see the top).
  [ ! -f "$archive" ] || mv "$archive" "$stage/"
  # xz -1 rather than dpkg-deb's -6: on libnd4jcpu.so, -3 already takes 3.4 times as long as -1
  # for a 13 % smaller file, and the unpacked natives are ~900 MB.
  DPKG_DEB_COMPRESSOR_TYPE=xz DPKG_DEB_COMPRESSOR_LEVEL=1 \
    jpackage @jpackage.cfg @"resources/$os/jpackage-$os-installer.cfg" "${installer[@]}" --type "$type" \
    --app-version "$version" --app-image "$image" --dest target/installer
  [ ! -f "$stage/$(basename "$archive")" ] || mv "$stage/$(basename "$archive")" "$archive"
done
if [ "$os" = linux ] && [[ " ${types[*]} " == *" deb "* ]]; then
  # jpackage derives Depends from the libraries the build machine has: without GTK there, none for it.
  deps=$(dpkg-deb -f target/installer/*.deb Depends | tr ',' '\n' | sed 's/^ *//; s/ *$//')
  grep -qx libgtk-3-0 <<<"$deps" || { echo "the .deb does not depend on libgtk-3-0: install it and rerun" >&2; exit 1; }
  [ -z "$(sort <<<"$deps" | uniq -d)" ] || { echo "the .deb names a dependency twice" >&2; exit 1; }
fi
[ "${types[*]}" = app-image ] || ls -l target/installer/*.*
step "done"
