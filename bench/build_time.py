"""Measure 1: the course build against a plain mkdocs-material build of the same Markdown.

The plain configuration is the course's mkdocs.yml without our plugin (hipdrop, which renders
the macros and adds our CSS/JS), our theme overrides and any extra CSS/JS; Markdown that calls a macro stays as text. Builds are
interleaved (plain, course, course, plain, ...) so that both see the same machine load.
"""

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from mkdocs.utils.yaml import get_yaml_loader

OURS = ("hooks", "extra_css", "extra_javascript")
OUR_PLUGINS = ("hipdrop", "macros")


def plain_config(config_path: Path) -> dict:
    """The course's configuration, minus everything that is ours rather than mkdocs-material's."""
    with config_path.open(encoding="utf-8") as handle:
        config = yaml.load(handle, Loader=get_yaml_loader())
    for key in OURS:
        config.pop(key, None)
    config["plugins"] = [
        p for p in config.get("plugins", []) if (p if isinstance(p, str) else next(iter(p))) not in OUR_PLUGINS
    ]
    theme = dict(config.get("theme", {}))
    theme.pop("custom_dir", None)
    config["theme"] = theme
    config["docs_dir"] = str((config_path.parent / config.get("docs_dir", "docs")).resolve())
    config["strict"] = False  # without the macros, pages keep {{ ... }} text and some links point nowhere
    return config


def timed_build(config_file: Path, site_dir: Path, cwd: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config_file), "-d", str(site_dir)],
        cwd=cwd,  # the project root for both, so relative paths (snippets) resolve alike
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"build with {config_file} failed:\n{result.stderr[-2000:]}")
    return elapsed


def compare_builds(root: Path, runs: int) -> dict[str, list[float]]:
    """Seconds per build, `runs` of each, interleaved."""
    course_config = root / "mkdocs.yml"
    times: dict[str, list[float]] = {"course": [], "plain": []}
    with tempfile.TemporaryDirectory(prefix="hipdrop-bench-build-") as tmp:
        tmp_dir = Path(tmp)
        plain_file = tmp_dir / "mkdocs-plain.yml"
        plain_file.write_text(yaml.safe_dump(plain_config(course_config), sort_keys=False), encoding="utf-8")
        configs = {"course": course_config, "plain": plain_file}
        for run in range(runs):
            order = ("plain", "course") if run % 2 == 0 else ("course", "plain")
            for name in order:
                times[name].append(timed_build(configs[name], tmp_dir / f"site-{name}", root))
    return times
