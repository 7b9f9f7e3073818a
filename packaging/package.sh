#!/usr/bin/env bash
# Builds the NiN Explorer app image and the native installer of this OS with jpackage.
#   packaging/package.sh            app image + native installer (.deb on Debian/Ubuntu)
#   packaging/package.sh app-image  app image only (what CI checks)
# Output: target/installer/. The runtime is trimmed with jlink (modules found with jdeps) and JavaFX
# is linked into it; ND4J stays on the class path (its module-info is broken) with this OS's natives only.
set -euo pipefail
cd "$(dirname "$0")/.."

case "$(uname -s)" in
  Linux) os=linux; fx=linux; native=deb ;;
  Darwin) os=mac; fx=mac; native=dmg ;;
  *) os=windows; fx=win; native=msi ;;
esac
types=("${1:-app-image}")
[ $# -eq 0 ] && types=(app-image "$native")

[ -f target/dist/nin-explorer.jar ] || mvn -B -q package -DskipTests
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)

stage=target/jpackage
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

modules=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps \
  --class-path "$stage/input/lib/*" "$stage/input/nin-explorer.jar")
# Loaded reflectively or by the natives, so jdeps cannot see them: TLS for downloads, Unsafe for ND4J.
modules="$modules,javafx.controls,javafx.fxml,java.net.http,jdk.crypto.ec,jdk.unsupported,jdk.zipfs"
# Used by DL4J, logback and oshi through reflection or service loading.
modules="$modules,java.logging,java.management,jdk.management,java.naming,java.scripting,java.compiler,jdk.jfr"
echo "runtime modules: $modules"

for type in "${types[@]}"; do
  extra=()
  [ "$type" = app-image ] || extra=(@"resources/$os/jpackage-$os-installer.cfg")
  jpackage @jpackage.cfg @"resources/$os/jpackage-$os.cfg" "${extra[@]}" --type "$type" --app-version "$version" \
    --input "$stage/input" --module-path "$stage/javafx" --add-modules "$modules" --dest target/installer
done
ls -la target/installer
