#!/usr/bin/env bash
# Measures OpenSSH on this machine for docs/benchmarks.md ("SSH layer"): a throw-away sshd on a
# loopback port, then
#   (1) ssh with a fresh connection per command,
#   (2) ssh slaves over a ControlMaster (ControlMaster/ControlPath/ControlPersist), sequential,
#   (3) ControlMaster slaves in parallel (at most MaxSessions=10 at once: sshd refuses more channels),
#   (4) wparflow's own client against the same sshd: java -jar target/wparflow.jar bench ssh --host ...
# Needs: openssh-server, openssh-client (Debian/Ubuntu), and target/wparflow.jar for step 4.
# Usage: scripts/bench-openssh-controlmaster.sh [fresh-count] [shared-count]
set -euo pipefail

FRESH=${1:-30}
SHARED=${2:-300}
PARALLEL=10
SSHD=/usr/sbin/sshd
[ -x "$SSHD" ] || { echo "no $SSHD: apt-get install openssh-server openssh-client" >&2; exit 2; }
[ "$(id -u)" = 0 ] && mkdir -p /run/sshd

DIR=$(mktemp -d /tmp/wparflow-openssh-bench.XXXXXX)
chmod 755 "$DIR"   # sshd reads AuthorizedKeysFile as the target user
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
USER_NAME=$(id -un)
TEMP_USER=
# sshd runs every command through the account's login shell, and Debian's bash reads ~/.bashrc when
# started by sshd: a heavy .bashrc (pyenv init: ~85 ms here) would then be measured instead of SSH. As
# root, the script therefore uses a temporary account with /bin/sh (removed on exit); set
# BENCH_USER=$(id -un) to measure your own account instead.
if [ "$(id -u)" = 0 ] && [ -z "${BENCH_USER:-}" ]; then
  TEMP_USER=wparflow-bench
  id "$TEMP_USER" >/dev/null 2>&1 || useradd -M -d "$DIR" -s /bin/sh -p '*' "$TEMP_USER"  # '*': no password, not locked
  USER_NAME=$TEMP_USER
elif [ -n "${BENCH_USER:-}" ]; then
  USER_NAME=$BENCH_USER
fi
SSHD_PID=
cleanup() {
  ssh -o ControlPath="$DIR/cm" -O exit -p "$PORT" "$USER_NAME@127.0.0.1" 2>/dev/null || true
  [ -n "$SSHD_PID" ] && kill "$SSHD_PID" 2>/dev/null || true
  [ -n "$TEMP_USER" ] && userdel "$TEMP_USER" 2>/dev/null || true
  rm -rf "$DIR"
}
trap cleanup EXIT

ssh-keygen -q -t ed25519 -N '' -f "$DIR/host_ed25519"
ssh-keygen -q -t ed25519 -N '' -f "$DIR/id_ed25519"
cp "$DIR/id_ed25519.pub" "$DIR/authorized_keys"
cat > "$DIR/sshd_config" <<CFG
ListenAddress 127.0.0.1
HostKey $DIR/host_ed25519
AuthorizedKeysFile $DIR/authorized_keys
PidFile $DIR/sshd.pid
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
UsePAM no
StrictModes no
MaxSessions 10
CFG
"$SSHD" -D -e -f "$DIR/sshd_config" -p "$PORT" 2>"$DIR/sshd.log" &
SSHD_PID=$!
for _ in $(seq 50); do (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done
echo "[127.0.0.1]:$PORT $(cut -d' ' -f1,2 "$DIR/host_ed25519.pub")" > "$DIR/known_hosts"

SSH=(ssh -q -i "$DIR/id_ed25519" -o BatchMode=yes -o UserKnownHostsFile="$DIR/known_hosts"
     -o StrictHostKeyChecking=yes -o GlobalKnownHostsFile=/dev/null -F /dev/null -p "$PORT")
TARGET="$USER_NAME@127.0.0.1"

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'; }
time_ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N); echo "scale=3; ($t1-$t0)/1000000" | bc; }

echo "OpenSSH $(ssh -V 2>&1) on $(nproc) cores, sshd on 127.0.0.1:$PORT, account $USER_NAME ($(getent passwd "$USER_NAME" | cut -d: -f7))"

for _ in 1 2 3; do "${SSH[@]}" -o ControlMaster=no -o ControlPath=none "$TARGET" true; done
FRESH_MS=$(for _ in $(seq "$FRESH"); do time_ms "${SSH[@]}" -o ControlMaster=no -o ControlPath=none "$TARGET" true; done | median)
echo "ssh, fresh connection per command     n=$FRESH  median ${FRESH_MS} ms"

"${SSH[@]}" -o ControlMaster=yes -o ControlPath="$DIR/cm" -o ControlPersist=60 -fN "$TARGET"
MUX=("${SSH[@]}" -o ControlMaster=no -o ControlPath="$DIR/cm")
for _ in 1 2 3; do "${MUX[@]}" "$TARGET" true; done
CM_MS=$(for _ in $(seq "$SHARED"); do time_ms "${MUX[@]}" "$TARGET" true; done | median)
echo "ssh slave over ControlMaster          n=$SHARED  median ${CM_MS} ms"
echo "ratio fresh/ControlMaster: $(echo "scale=1; $FRESH_MS/$CM_MS" | bc)"

export -f time_ms
T0=$(date +%s%N)
seq "$SHARED" | xargs -P "$PARALLEL" -I{} "${MUX[@]}" "$TARGET" true
T1=$(date +%s%N)
echo "ControlMaster, $PARALLEL parallel slaves: $(echo "scale=0; $SHARED*1000000000/($T1-$T0)" | bc) commands/s"

JAR=$(dirname "$0")/../target/wparflow.jar
if [ -f "$JAR" ]; then
  echo
  echo "wparflow's client against the same sshd:"
  java -jar "$JAR" bench ssh --host "$TARGET:$PORT" --identity "$DIR/id_ed25519" --known-hosts "$DIR/known_hosts" \
       --concurrency 50 --commands "$SHARED" --fresh "$FRESH"
else
  echo "(no $JAR: mvn -o package -DskipTests, then re-run for wparflow's figures against this sshd)"
fi
