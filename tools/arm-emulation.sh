#!/usr/bin/env bash
# Sets up an aarch64 JDK 25 under qemu user-mode emulation (no root-wide changes: private apt state under /opt) and
# runs a command with it. Usage:
#   tools/arm-emulation.sh setup
#   tools/arm-emulation.sh run neoverse-n1 --add-modules jdk.incubator.vector -jar kernels-test/target/kernels-ulp.jar \
#       report --functions exp,log --samples 1000000 --seed 11 --json neon.json
# CPU models: neoverse-n1 = NEON 128-bit; max = SVE 512-bit; neoverse-v1 = SVE 256-bit. Expect 10-20x slowdown.
# Facts and pitfalls: shared/reference/arm-emulation.md.
set -euo pipefail
APT=/opt/arm64-apt
SYSROOT=/opt/arm64-sysroot
QEMU_ROOT=/opt/qemu-trixie
JDK=$SYSROOT/usr/lib/jvm/java-25-openjdk-arm64

setup() {
    mkdir -p $APT/state/lists/partial $APT/cache/archives/partial $APT/etc/sources.list.d
    : > $APT/state/status
    cat > $APT/etc/sources.list.d/trixie.sources <<'SRC'
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Architectures: arm64 amd64
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    cat > $APT/apt.conf <<CONF
Dir::State "$APT/state";
Dir::State::status "$APT/state/status";
Dir::Cache "$APT/cache";
Dir::Etc "$APT/etc";
Dir::Etc::SourceList "/dev/null";
Dir::Etc::SourceParts "$APT/etc/sources.list.d";
APT::Architecture "arm64";
APT::Architectures { "arm64"; "amd64"; };
Acquire::Languages "none";
CONF
    export APT_CONFIG=$APT/apt.conf
    apt-get update -q
    apt-get install -y -q -d -t trixie --no-install-recommends openjdk-25-jre-headless
    (cd $APT/cache/archives && apt-get download -q qemu-user:amd64)
    mkdir -p $SYSROOT $QEMU_ROOT
    for d in $APT/cache/archives/*_arm64.deb $APT/cache/archives/*_all.deb; do [ -f "$d" ] && dpkg -x "$d" $SYSROOT; done
    dpkg -x $APT/cache/archives/qemu-user_*_amd64.deb $QEMU_ROOT
    for l in lib bin sbin; do [ -e $SYSROOT/$l ] || ln -s usr/$l $SYSROOT/$l; done
    # Debian's JDK links its conf files to absolute /etc paths, which the emulator resolves on the host: copy them in
    # (cacerts has no target: ca-certificates-java makes it at install time, which dpkg -x does not run)
    (cd $JDK && find . -type l -lname '/etc/*' | while read -r l; do
        t=$(readlink "$l"); if [ -e "$SYSROOT$t" ]; then rm "$l"; cp -r "$SYSROOT$t" "$l"; fi; done)
    "$0" run neoverse-n1 -version
}

case "${1:-}" in
    setup) setup ;;
    run) cpu=$2; shift 2; exec $QEMU_ROOT/usr/bin/qemu-aarch64 -cpu "$cpu" -L $SYSROOT $JDK/bin/java "$@" ;;
    *) echo "usage: $0 setup | run CPU JAVA_ARGS..." >&2; exit 2 ;;
esac
