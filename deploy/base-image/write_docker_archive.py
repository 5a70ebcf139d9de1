"""Writes a folder as a one-layer image in docker-archive format (what `docker save` writes and
Jib reads with tar://): manifest.json, the image config and the layer, reproducibly (sorted
entries, fixed times, files owned by root).

Usage: python3 write_docker_archive.py ROOTFS OUTPUT_TAR REPO:TAG
"""
import hashlib
import io
import json
import os
import sys
import tarfile

FIXED_TIME = 1  # 1970-01-01T00:00:01Z: the same rootfs gives the same image digest


def layer_bytes(rootfs):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as layer:
        for directory, subdirectories, files in os.walk(rootfs):
            subdirectories.sort()
            for name in sorted(subdirectories + files):
                path = os.path.join(directory, name)
                info = layer.gettarinfo(path, arcname=os.path.relpath(path, rootfs))
                info.uid = info.gid = 0
                info.uname = info.gname = "root"
                info.mtime = FIXED_TIME
                if info.isfile():
                    with open(path, "rb") as content:
                        layer.addfile(info, content)
                else:
                    layer.addfile(info)
    return buffer.getvalue()


def add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = FIXED_TIME
    archive.addfile(info, io.BytesIO(data))


def main(rootfs, output, tag):
    layer = layer_bytes(rootfs)
    diff_id = "sha256:" + hashlib.sha256(layer).hexdigest()
    config = {
        "architecture": "amd64",
        "os": "linux",
        "created": "1970-01-01T00:00:01Z",
        "config": {
            "Env": [
                "PATH=/opt/java/bin:/usr/bin:/bin",
                "JAVA_HOME=/opt/java",
                "LANG=C.UTF-8",
            ],
            "User": "10001",
            "WorkingDir": "/app",
        },
        "rootfs": {"type": "layers", "diff_ids": [diff_id]},
        "history": [{"created": "1970-01-01T00:00:01Z",
                     "created_by": "deploy/base-image/build-base-image.sh (jlink Java 17, no shell)"}],
    }
    config_bytes = json.dumps(config, sort_keys=True).encode()
    config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
    layer_name = diff_id[len("sha256:"):] + "/layer.tar"
    manifest = [{"Config": config_name, "RepoTags": [tag], "Layers": [layer_name]}]
    with tarfile.open(output, mode="w", format=tarfile.PAX_FORMAT) as archive:
        add_bytes(archive, config_name, config_bytes)
        add_bytes(archive, layer_name, layer)
        add_bytes(archive, "manifest.json", json.dumps(manifest).encode())


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
