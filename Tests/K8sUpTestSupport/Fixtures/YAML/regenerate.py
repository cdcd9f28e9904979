"""Regenerates the expected outputs of the YAML reader tests with Ansible itself (the oracle).

Run with the Python of a virtualenv that has ansible-core 2.19 and PyYAML with libyaml
(`pip install ansible-core==2.19.14 PyYAML==6.0.3`: PyYAML 6.0.4 merges a mapping that repeats the
`<<` key differently, which changes corpus/merge-list.expected.json):

    /tmp/ansible-venv/bin/python Tests/K8sUpTestSupport/Fixtures/YAML/regenerate.py [KUBESPRAY_DIR]

For every corpus/NAME.yaml, every *.yml/*.yaml of the project's Kubespray-style inventories
(../KubesprayStyle, written to kubespray-style/<path>.expected.json) and every one of Kubespray's own
sample inventories (written to kubespray/<path>.expected.json, for the conformance suite) it loads the
text with ansible.parsing.utils.yaml.from_yaml, exactly as
Ansible loads an inventory or vars file (JSON first, then YAML), and writes NAME.expected.json:
json.dumps(value, sort_keys=True, indent=4) of the value as k8sup models it (the DataValue that prints
like ansible-inventory --list), or the single line ERROR when Ansible rejects the file (or loads data
that cannot be printed as JSON, such as a recursive list). Mappings in the corpus use one key type each,
since Python cannot sort mixed key types.

Kubespray's inventories are read from KUBESPRAY_DIR, else from the directory K8SUP_SHARED_FIXTURES
names, else from ../shared/fixtures/kubespray beside the repository; when they are not there (or
K8SUP_SHARED_FIXTURES=none) their expected files are left as they are. Files reached through a
symbolic link to a directory are skipped, as the tests skip them.
"""
import base64
import datetime
import json
import os
import pathlib
import sys

from ansible.parsing.utils.yaml import from_yaml
from ansible.parsing.vault import EncryptedString, VaultHelper
from ansible._internal._datatag._tags import Origin, TrustedAsTemplate

HERE = pathlib.Path(__file__).resolve().parent


def plain(value, is_key=False):
    """The value as k8sup's DataValue: what ansible-inventory --list prints for a host variable."""
    if isinstance(value, EncryptedString):
        return {'__ansible_vault': VaultHelper.get_ciphertext(value, with_tags=False)}
    if isinstance(value, str):
        text = str(value)
        if is_key or TrustedAsTemplate.is_tagged_on(value):
            return text
        return {'__ansible_unsafe': text}
    if isinstance(value, bool) or value is None or isinstance(value, (int, float)):
        return value
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, bytes):
        # ansible-inventory cannot print bytes at all; k8sup keeps them as UTF-8 text.
        return value.decode('utf-8', 'replace')
    if isinstance(value, dict):
        return {plain(key, is_key=True): plain(item) for key, item in value.items()}
    if isinstance(value, (set, frozenset)):
        return [plain(item) for item in value]
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    raise TypeError(f'unexpected {type(value)}')


def expected(path):
    text = path.read_bytes().decode('utf-8')
    text = TrustedAsTemplate().tag(Origin(path=str(path)).tag(text))
    try:
        data = from_yaml(text, file_name=str(path))
    except Exception:
        return 'ERROR\n'
    try:
        return json.dumps(plain(data), sort_keys=True, indent=4) + '\n'
    except (TypeError, ValueError, RecursionError):
        # Recursive data (an alias inside its own anchor) loads in Python but cannot be printed.
        return 'ERROR\n'


def yaml_files(root):
    """The *.yml/*.yaml files below root, not following links to directories."""
    for directory, subdirectories, files in os.walk(root):
        subdirectories.sort()
        for name in sorted(files):
            path = pathlib.Path(directory) / name
            if path.suffix in ('.yml', '.yaml') and path.is_file():
                yield path


def write_expected(root, target_root):
    for source in yaml_files(root):
        target = target_root / (str(source.relative_to(root)) + '.expected.json')
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(expected(source))


def kubespray_directory():
    if len(sys.argv) > 1:
        return pathlib.Path(sys.argv[1])
    setting = os.environ.get('K8SUP_SHARED_FIXTURES', '')
    if setting == 'none':
        return None
    return pathlib.Path(setting) if setting else HERE.parents[3] / '..' / 'shared' / 'fixtures' / 'kubespray'


def main():
    for source in sorted((HERE / 'corpus').glob('*.yaml')):
        source.with_suffix('.expected.json').write_text(expected(source))
    write_expected(HERE.parent / 'KubesprayStyle', HERE / 'kubespray-style')
    kubespray = kubespray_directory()
    if kubespray is None or not kubespray.is_dir():
        print(f"Kubespray's sample inventories not found at {kubespray}: kubespray/ left as it is", file=sys.stderr)
        return
    write_expected(kubespray.resolve(), HERE / 'kubespray')


if __name__ == '__main__':
    main()
