"""On-disk caches: slow library answers (per user), and the check answers of a repository.

- `cached_json`: the `holidays` library takes ~0.15 s to import and build Vietnam's calendar
  (lunar Tết), more than half of `tt validate` on a typical plan. Its answer for given years
  only changes when the library changes, so it is kept as JSON in the user's cache folder,
  keyed by the library's installed files (found without importing it).
- `CheckCache`: what `tt validate` / `tt lint` found in each file, under the repository's
  `.tt_cache/`, content-addressed (tuyentruyen.check builds the keys).

A cache that cannot be read or written is simply skipped.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
from pathlib import Path
from typing import Callable


def cache_dir() -> Path:
    """$TT_CACHE_DIR, else $XDG_CACHE_HOME/tuyentruyen, else ~/.cache/tuyentruyen."""
    if os.environ.get("TT_CACHE_DIR"):
        return Path(os.environ["TT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "tuyentruyen"


def library_stamp(module: str) -> str | None:
    """Identifies the installed version of a package without importing it (None: not installed)."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.origin:
        return None
    try:
        st = os.stat(spec.origin)
    except OSError:
        return None
    return f"{st.st_mtime_ns:x}-{st.st_size:x}"


def cached_json(name: str, library: str, compute: Callable[[], object], *, key: str | None = None):
    """compute() once per installed version of `library`; later runs read it back from disk.

    key: what else the answer depends on (one file per key, the key kept in it and compared)."""
    if os.environ.get("TT_NO_CACHE"):
        return compute()
    stamp = library_stamp(library)
    if stamp and key is not None:
        import zlib

        stamp += f"-{zlib.crc32(key.encode('utf-8', 'surrogatepass')):08x}"
    path = cache_dir() / f"{name}-{stamp}.json" if stamp else None
    if path is not None:
        try:
            found = json.loads(path.read_text(encoding="utf-8"))
            if key is None:
                return found
            if isinstance(found, list) and len(found) == 2 and found[0] == key:
                return found[1]
        except (OSError, ValueError):
            pass
    value = compute()
    if path is not None:
        from tuyentruyen.project.files import WriteError, atomic_write_text

        try:
            atomic_write_text(path, json.dumps(value if key is None else [key, value], ensure_ascii=False))
        except (OSError, WriteError):
            pass  # a cache that cannot be written is simply not kept
    return value


# ---------------------------------------------------------------- the check cache of a repository

CHECK_CACHE_DIR = ".tt_cache"  # under the repository root, beside plans/ (in .gitignore)
CHECK_CACHE_FORMAT = 1


def digest(*parts: bytes | str | None) -> str:
    """A content address: the BLAKE2b digest of the parts (each length-prefixed, None distinct from b'')."""
    import hashlib

    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        if part is None:
            h.update(b"\xff")
            continue
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


@functools.lru_cache(maxsize=1)
def tt_stamp() -> str:
    """What identifies the tt that runs: its version, and the size and time of every file of the
    package (rules, data, code), so a changed rule or data file never answers from an old cache;
    with the libraries whose answers end up in a report (pydantic, libyaml, holidays)."""
    import tuyentruyen

    root = Path(tuyentruyen.__file__).parent
    parts = [tuyentruyen.__version__]
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if name.endswith((".pyc", ".pyo")):
                continue
            try:
                st = os.stat(os.path.join(dirpath, name))
            except OSError:
                continue
            parts.append(f"{os.path.relpath(os.path.join(dirpath, name), root)}:{st.st_size}:{st.st_mtime_ns}")
    parts += [f"{lib}={library_stamp(lib)}" for lib in ("pydantic", "pydantic_core", "yaml", "holidays")]
    return digest(*parts)


class CheckCache:
    """The answers of `tt validate` / `tt lint` for files already checked, content-addressed
    (like ruff's cache): an entry is found by a key made of everything its answer depends on
    (the caller's), and holds that answer as JSON.

    Stored under the repository's `.tt_cache/check/`, one file per key, each written atomically
    (a temporary file renamed into place): concurrent runs never see half an entry, and two
    runs writing the same key write the same answer. An entry that cannot be read or parsed is a
    miss; a cache that cannot be written is simply not kept (the run's answers are unchanged)."""

    def __init__(self, folder: Path | str):
        self.folder = Path(folder)
        self._folder = str(folder)

    @classmethod
    def of_repository(cls, root: Path | None) -> CheckCache | None:
        """The cache of the repository at root (None without a root, or with TT_NO_CACHE set)."""
        if root is None or os.environ.get("TT_NO_CACHE"):
            return None
        return cls(Path(root) / CHECK_CACHE_DIR / "check" / f"v{CHECK_CACHE_FORMAT}")

    def _path(self, key: str) -> str:
        return os.path.join(self._folder, key[:2], key + ".json")

    def get(self, key: str) -> dict | None:
        try:
            with open(self._path(key), "rb") as fh:
                entry = json.loads(fh.read())
        except (OSError, ValueError):
            return None
        return entry if isinstance(entry, dict) and entry.get("key") == key else None

    def put(self, key: str, entry: dict) -> None:
        from tuyentruyen.project.files import WriteError, atomic_write_bytes

        entry = dict(entry, key=key)
        try:
            self._ensure_ignored()
            atomic_write_bytes(self._path(key), json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
                               .encode("utf-8", "surrogatepass"))
        except (OSError, WriteError, ValueError):
            pass  # a cache that cannot be written is not kept

    def _ensure_ignored(self) -> None:
        """A .gitignore (and a CACHEDIR.TAG) at the top of .tt_cache: it is never committed or backed up."""
        top = self.folder.parent.parent
        marker = top / ".gitignore"
        if marker.exists():
            return
        from tuyentruyen.project.files import atomic_write_text

        top.mkdir(parents=True, exist_ok=True)
        atomic_write_text(top / "CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n"
                                                "# tt's check cache (tt validate, tt lint); safe to delete.\n")
        atomic_write_text(marker, "# tt's check cache: not for git\n*\n")


class Lookups:
    """The file-system questions of one check run, each asked once: the tt.toml that applies to a
    file (tuyentruyen.project.config.find_config's answer), its Config, and whether a plan's
    registry is the units.yaml beside it (the first answer tuyentruyen.project.discover.find_registry
    gives). A country's 3,355 plans live in ~3,400 folders that share their parents: asked folder
    by folder, the lookups of a run answered from the cache cost milliseconds, not a second.
    tests/scale/test_lookups.py holds them to the answers of the functions they stand for."""

    def __init__(self):
        self._real: dict[str, str] = {}
        self._config_files: dict[str, str | None] = {}
        self._configs: dict[str | None, object] = {}

    def real_folder(self, folder: str) -> str:
        """os.path.realpath of an absolute folder, its parents resolved once for all the files."""
        if folder not in self._real:
            parent, name = os.path.split(folder)
            if not name:
                self._real[folder] = folder
            elif os.path.islink(folder):
                self._real[folder] = os.path.realpath(folder)
            else:
                self._real[folder] = os.path.join(self.real_folder(parent), name)
        return self._real[folder]

    def _config_in(self, folder: str) -> str | None:
        if folder not in self._config_files:
            from tuyentruyen.project.config import CONFIG_NAME

            candidate = os.path.join(folder, CONFIG_NAME)
            parent = os.path.dirname(folder)
            # as find_config: anything named tt.toml is the answer (a folder or a FIFO is then reported)
            self._config_files[folder] = (candidate if os.path.exists(candidate)
                                          else None if parent == folder else self._config_in(parent))
        return self._config_files[folder]

    def config_file(self, path) -> str | None:
        """find_config(path) for a file: the nearest tt.toml in its (resolved) folder or a parent."""
        if os.path.islink(path):  # find_config follows the file itself to where it points
            from tuyentruyen.project.config import find_config

            found = find_config(Path(path))
            return str(found) if found is not None else None
        return self._config_in(self.real_folder(os.path.dirname(os.path.abspath(path))))

    def config(self, path):
        """config_for(path), or None when that tt.toml cannot be used (ConfigError)."""
        found = self.config_file(path)
        if found not in self._configs:
            from tuyentruyen.project.config import DEFAULT, ConfigError, load_config

            try:
                self._configs[found] = load_config(found) if found is not None else DEFAULT
            except ConfigError:
                self._configs[found] = None
        return self._configs[found]

    def registry_beside(self, plan_path, units: str | None, config) -> str | None:
        """find_registry(plan_path, units, config) when its answer is the units.yaml in the plan's
        folder (neither the plan nor tt.toml names one, and that file is there); else None."""
        if units or config.units is not None or os.path.islink(plan_path):
            return None
        from tuyentruyen.project.discover import REGISTRY_NAMES

        beside = os.path.join(self.real_folder(os.path.dirname(os.path.abspath(plan_path))), REGISTRY_NAMES[0])
        return beside if os.path.isfile(beside) else None
