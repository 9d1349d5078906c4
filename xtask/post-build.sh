#!/bin/sh
# Trunk's post_build hook (Trunk.toml): the engine, then the service worker (`xtask post-build`).
#
# Under `cargo xtask build|serve|test`, Trunk runs with the project's crate home (target/cargo-home)
# and the xtask that started it is named in PLAYGROUND_XTASK: calling that binary again, rather than
# `cargo xtask`, keeps cargo from rebuilding the xtask and its dependencies under that other home
# (cargo's fingerprints include the path of a crate's sources), which the next `cargo xtask` would
# then rebuild once more. A `trunk build` or `trunk serve` run by hand goes through cargo.
set -e
if [ -n "$PLAYGROUND_XTASK" ]; then
  exec "$PLAYGROUND_XTASK" post-build
fi
exec cargo xtask post-build
