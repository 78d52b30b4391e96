#!/usr/bin/env python3
"""Checks that po/POTFILES.in is sorted and lists every source file with a
translatable string, and that po/zh_CN.po translates every message the
sources have (no untranslated, no fuzzy)."""
import os
import re
import subprocess
import sys
import tempfile

root = sys.argv[1]
marker = re.compile(r'(\b[NC]?_\s*\(\s*"|\bg_dngettext\s*\(|\bC_\s*\(|translatable="yes")')

listed = []
with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith('#'):
            listed.append(line)

failed = False
if listed != sorted(listed):
    print('POTFILES.in is not sorted')
    failed = True

for name in listed:
    if not os.path.exists(os.path.join(root, name)):
        print(f'POTFILES.in lists {name}, which does not exist')
        failed = True

for top in ('src', 'ui', 'data'):
    for dirpath, _, files in os.walk(os.path.join(root, top)):
        for fn in files:
            if not fn.endswith(('.c', '.ui', '.in', '.gschema.xml')):
                continue
            path = os.path.join(dirpath, fn)
            rel = os.path.relpath(path, root)
            with open(path, encoding='utf-8') as f:
                text = f.read()
            # Desktop entries, metainfo and schemas are translated whole;
            # other templates (systemd units) have nothing to translate.
            if fn.endswith(('.desktop.in', '.xml.in', '.gschema.xml')):
                has = True
            else:
                has = marker.search(text) is not None
            if has and rel not in listed:
                print(f'{rel} has translatable strings but is not in POTFILES.in')
                failed = True

with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, 'careline.pot')
    subprocess.run(['xgettext', '--from-code=UTF-8', '--add-comments',
                    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2',
                    '--keyword=NC_:1c,2', '--keyword=g_dngettext:2,3',
                    '--keyword=ngettext:1,2',
                    '-f', os.path.join(root, 'po', 'POTFILES.in'),
                    '-D', root, '-o', pot], check=True)
    for lang in open(os.path.join(root, 'po', 'LINGUAS')).read().split():
        po = os.path.join(root, 'po', lang + '.po')
        r = subprocess.run(['msgcmp', po, pot], capture_output=True, text=True)
        if r.returncode != 0:
            print(f'{lang}.po is incomplete:')
            print('\n'.join(r.stderr.splitlines()[:40]))
            failed = True
        r = subprocess.run(['msgfmt', '-c', '-o', os.devnull, po], capture_output=True, text=True)
        if r.returncode != 0:
            print(r.stderr)
            failed = True

sys.exit(1 if failed else 0)
