"""Regenerates the expected outputs of the YAML reader tests with Ansible itself (the oracle).

Run with the Python of a virtualenv that has ansible-core 2.19 and PyYAML with libyaml:

    /tmp/ansible-venv/bin/python Tests/K8sUpKitTests/Fixtures/YAML/regenerate.py [../shared/fixtures/kubespray]

For every corpus/NAME.yaml (and every *.yml/*.yaml under the kubespray fixtures, written to
kubespray/<path>.expected.json) it loads the text with ansible.parsing.utils.yaml.from_yaml, exactly as
Ansible loads an inventory or vars file (JSON first, then YAML), and writes NAME.expected.json:
json.dumps(value, sort_keys=True, indent=4) of the value as k8sup models it (the DataValue that prints
like ansible-inventory --list), or the single line ERROR when Ansible rejects the file (or loads data
that cannot be printed as JSON, such as a recursive list). Mappings in the corpus use one key type each,
since Python cannot sort mixed key types.
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


def main():
    for source in sorted((HERE / 'corpus').glob('*.yaml')):
        source.with_suffix('.expected.json').write_text(expected(source))
    kubespray = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[3] / '..' / 'shared' / 'fixtures' / 'kubespray'
    kubespray = kubespray.resolve()
    for source in sorted(kubespray.rglob('*')):
        if source.suffix not in ('.yml', '.yaml') or not source.is_file():
            continue
        relative = source.relative_to(kubespray)
        target = HERE / 'kubespray' / (str(relative) + '.expected.json')
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(expected(source))


if __name__ == '__main__':
    main()
