#!/usr/bin/env python3
"""A FUSE file system that makes the kernel report a real fsync failure (EIO) to `kg`.

    python3 Tools/crash/eiofs.py BACKING MOUNTPOINT CONTROL

Mounts MOUNTPOINT as a pass-through view of the directory BACKING (writes reach BACKING at once, as
on a disk whose cache accepted them) and runs in the foreground until unmounted (`umount MOUNTPOINT`).
CONTROL is a file outside the mount holding a number N: the N-th fsync of a `*.kg` file from now on
fails with EIO, once; the file then holds `fired`. Every other fsync succeeds (syncing BACKING).
`faults.py` (scenario fsync-eio) drives it; it is the real-kernel counterpart of the simulated
failing fsync in Tests/KGStoreTests/StoreTests.swift.

Needs /dev/fuse, libfuse2 (`apt-get install libfuse2`) and fusepy (`pip install fusepy`).
"""
import errno
import os
import sys

from fuse import FUSE, FuseOSError, Operations


class EIOFS(Operations):
    def __init__(self, backing, control):
        self.backing = os.path.realpath(backing)
        self.control = control

    def _full(self, path):
        return os.path.join(self.backing, path.lstrip("/"))

    def _log_fsync_fails(self):
        """Counts one fsync of a log file down; True when this one is the N-th."""
        try:
            with open(self.control) as handle:
                text = handle.read().strip()
            remaining = int(text)
        except (OSError, ValueError):
            return False
        if remaining <= 0:
            return False
        remaining -= 1
        with open(self.control, "w") as handle:
            handle.write("fired" if remaining == 0 else str(remaining))
        return remaining == 0

    # Metadata
    def access(self, path, mode):
        if not os.access(self._full(path), mode):
            raise FuseOSError(errno.EACCES)

    def getattr(self, path, fh=None):
        st = os.lstat(self._full(path))
        return {key: getattr(st, key) for key in (
            "st_atime", "st_ctime", "st_gid", "st_mode", "st_mtime", "st_nlink", "st_size", "st_uid")}

    def chmod(self, path, mode):
        os.chmod(self._full(path), mode)

    def chown(self, path, uid, gid):
        os.chown(self._full(path), uid, gid)

    def readdir(self, path, fh):
        return [".", ".."] + os.listdir(self._full(path))

    def readlink(self, path):
        return os.readlink(self._full(path))

    def statfs(self, path):
        st = os.statvfs(self._full(path))
        return {key: getattr(st, key) for key in (
            "f_bavail", "f_bfree", "f_blocks", "f_bsize", "f_favail", "f_ffree", "f_files", "f_flag", "f_frsize", "f_namemax")}

    def utimens(self, path, times=None):
        os.utime(self._full(path), times)

    # Names
    def mkdir(self, path, mode):
        os.mkdir(self._full(path), mode)

    def rmdir(self, path):
        os.rmdir(self._full(path))

    def unlink(self, path):
        os.unlink(self._full(path))

    def rename(self, old, new):
        os.rename(self._full(old), self._full(new))

    def link(self, target, name):
        os.link(self._full(name), self._full(target))

    def symlink(self, name, target):
        os.symlink(target, self._full(name))

    # Files
    def open(self, path, flags):
        return os.open(self._full(path), flags)

    def create(self, path, mode, fi=None):
        return os.open(self._full(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)

    def read(self, path, size, offset, fh):
        return os.pread(fh, size, offset)

    def write(self, path, data, offset, fh):
        return os.pwrite(fh, data, offset)

    def truncate(self, path, length, fh=None):
        if fh is not None:
            os.ftruncate(fh, length)
        else:
            os.truncate(self._full(path), length)

    def flush(self, path, fh):
        return 0

    def release(self, path, fh):
        os.close(fh)

    def fsync(self, path, datasync, fh):
        if path.endswith(".kg") and self._log_fsync_fails():
            raise FuseOSError(errno.EIO)
        os.fsync(fh)


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: eiofs.py BACKING MOUNTPOINT CONTROL")
    backing, mountpoint, control = sys.argv[1:]
    FUSE(EIOFS(backing, control), mountpoint, foreground=True, nothreads=True)


if __name__ == "__main__":
    main()
