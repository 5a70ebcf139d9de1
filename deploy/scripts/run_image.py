"""Runs a docker-archive image tarball (Jib buildTar, docker save) without a container engine.

  python3 run_image.py unpack IMAGE_TAR ROOTFS   unpacks the layers in order (whiteouts applied)
                                                 and writes ROOTFS.config.json (the image config)
  python3 run_image.py exec ROOTFS NAME=VALUE...  run inside `unshare --map-root-user --mount
                                                 --pid --fork`: mounts /proc, chroots, enters the
                                                 image's working directory and execs its
                                                 entrypoint with only the image's environment
                                                 plus NAME=VALUE
"""
import json
import os
import subprocess
import sys
import tarfile


def unpack(image_tar, rootfs):
    os.makedirs(rootfs, exist_ok=True)
    with tarfile.open(image_tar) as archive:
        manifest = json.load(archive.extractfile("manifest.json"))[0]
        config = json.load(archive.extractfile(manifest["Config"]))
        for layer_name in manifest["Layers"]:
            with tarfile.open(fileobj=archive.extractfile(layer_name)) as layer:
                for member in layer.getmembers():
                    name = os.path.normpath(member.name)
                    if name.startswith("..") or os.path.isabs(name):
                        sys.exit("refusing a layer entry outside the root: " + member.name)
                    base = os.path.basename(name)
                    if base.startswith(".wh."):  # a whiteout: this layer deletes a lower file
                        target = os.path.join(rootfs, os.path.dirname(name), base[len(".wh."):])
                        if os.path.lexists(target):
                            os.remove(target)
                        continue
                    if member.isdev():  # device files need privileges and are not needed
                        continue
                    layer.extract(member, rootfs)
    with open(rootfs + ".config.json", "w") as out:
        json.dump(config, out)


def execute(rootfs, extra):
    with open(rootfs + ".config.json") as config_file:
        config = json.load(config_file)["config"]
    environment = dict(item.split("=", 1) for item in (config.get("Env") or []) + extra)
    command = (config.get("Entrypoint") or []) + (config.get("Cmd") or [])
    program = command[0]
    if "/" not in program:  # resolved on the image's PATH, as a runtime does
        program = next(os.path.join(d, program) for d in environment.get("PATH", "").split(":")
                       if os.path.exists(os.path.join(rootfs + d, program)))
    os.makedirs(os.path.join(rootfs, "proc"), exist_ok=True)
    subprocess.run(["mount", "-t", "proc", "proc", os.path.join(rootfs, "proc")], check=True)
    os.chroot(rootfs)
    os.chdir(config.get("WorkingDir") or "/")
    os.execve(program, command, environment)


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "unpack":
        unpack(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 3 and sys.argv[1] == "exec":
        execute(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(__doc__)
