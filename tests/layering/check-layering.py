#!/usr/bin/env python3
"""The layering of the tree (README, "Layout"), checked so that it cannot
erode unnoticed:

  - src/core is GLib, SQLite, json-glib, ICU, libsodium and libsoup's
    client: no GTK, no libadwaita, no libsoup server;
  - src/print (the printed documents, linked by the server too) is
    Pango and cairo over core: no GTK, no libadwaita;
  - Poppler appears in core in one file only, the one that reads PDFs;
  - SQLite appears only in src/core/store (the one place with SQL);
  - src/app and src/print include nothing from src/server or src/demo;
  - a view (or a printed document) asks core and its context for roles and states, it never
    compares a role or a status with a string literal.

Usage: check-layering.py ROOT       checks the tree at ROOT
       check-layering.py --self-test  checks that every rule fires
"""
import os
import re
import sys
import tempfile

ROLES = ('admin', 'case_manager', 'escort', 'vip_steward', 'service_desk', 'finance')
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)
COMMENT = re.compile(r'/\*.*?\*/|//[^\n]*', re.S)
# A comparison whose one side names a role or a status/state and whose
# other side is a string literal: g_strcmp0 (role, "admin"),
# g_str_equal (status, "active"), strcmp (x->state, "done") …
COMPARE = re.compile(r'\b(?:g_strcmp0|strcmp|g_str_equal|g_ascii_strcasecmp|strcasecmp)\s*\(')
NAMES_RULE = re.compile(r'\b\w*(?:role|status|state)\w*\b', re.I)
LITERAL = re.compile(r'"(?:[^"\\]|\\.)*"')
ROLE_LITERAL = re.compile(r'"(%s)"' % '|'.join(ROLES))
MAGIC_STATUS = re.compile(r'\b\w*(?:status|state)\w*\s*(?:\(\s*[^()]*\))?\s*[=!]=\s*-?\d+\b')
ALLOWED_POPPLER = 'src/core/archive/cl-pdf-reader.c'


def sources(root, top):
    base = os.path.join(root, top)
    for dirpath, _, files in os.walk(base):
        for fn in sorted(files):
            if fn.endswith(('.c', '.h')):
                path = os.path.join(dirpath, fn)
                yield os.path.relpath(path, root).replace(os.sep, '/'), path


def read_code(path):
    with open(path, encoding='utf-8') as f:
        return COMMENT.sub(lambda m: '\n' * m.group(0).count('\n'), f.read())


def call_arguments(text, open_paren):
    """The text between the parenthesis at @open_paren and its match."""
    depth = 0
    for i in range(open_paren, len(text)):
        if text[i] == '(':
            depth += 1
        elif text[i] == ')':
            depth -= 1
            if depth == 0:
                return text[open_paren + 1:i]
        elif text[i] in ';{}':
            break
    return text[open_paren + 1:open_paren + 200]


def line_of(text, pos):
    return text.count('\n', 0, pos) + 1


def check(root):
    problems = []
    server_headers = {fn for _, _, files in os.walk(os.path.join(root, 'src', 'server'))
                      for fn in files if fn.endswith('.h')}
    demo_headers = {fn for _, _, files in os.walk(os.path.join(root, 'src', 'demo'))
                    for fn in files if fn.endswith('.h')}
    poppler_files = []

    for top in ('src',):
        for rel, path in sources(root, top):
            code = read_code(path)
            includes = [(m.group(1), line_of(code, m.start())) for m in INCLUDE.finditer(code)]
            in_core = rel.startswith('src/core/')
            in_store = rel.startswith('src/core/store/')
            in_print = rel.startswith('src/print/')
            # The printed documents are views on paper: the same rules.
            in_app = rel.startswith('src/app/') or in_print

            for header, line in includes:
                if header.endswith('sqlite3.h') and not in_store:
                    problems.append(f'{rel}:{line}: includes {header} outside src/core/store')
                if (in_core or in_print) and (header.startswith(('gtk/', 'gdk/', 'gsk/', 'adwaita'))
                                              or header in ('gtk.h', 'adwaita.h')):
                    problems.append(f'{rel}:{line}: {rel.split("/")[1]} includes {header}')
                if in_core and header.startswith('poppler'):
                    poppler_files.append(rel)
                if in_app and os.path.basename(header) in server_headers:
                    problems.append(f'{rel}:{line}: the app includes {header} from src/server')
                if in_app and os.path.basename(header) in demo_headers:
                    problems.append(f'{rel}:{line}: the app includes {header} from src/demo')

            if not in_store:
                for m in re.finditer(r'\bsqlite3(?:_\w+)?\b', code):
                    problems.append(f'{rel}:{line_of(code, m.start())}: uses SQLite ({m.group(0)}) '
                                    'outside src/core/store')
                    break

            if in_core:
                for m in re.finditer(r'\bSoupServer\w*|\bsoup_server_\w+', code):
                    problems.append(f'{rel}:{line_of(code, m.start())}: core uses libsoup\'s server ({m.group(0)})')
                    break

            if in_app:
                for m in COMPARE.finditer(code):
                    args = call_arguments(code, m.end() - 1)
                    if NAMES_RULE.search(LITERAL.sub('', args)) and LITERAL.search(args):
                        problems.append(f'{rel}:{line_of(code, m.start())}: compares a role or status '
                                        f'with a string literal: {m.group(0)}{args[:70]})')
                    elif ROLE_LITERAL.search(args):
                        problems.append(f'{rel}:{line_of(code, m.start())}: compares with a role name: '
                                        f'{m.group(0)}{args[:70]})')
                for m in MAGIC_STATUS.finditer(code):
                    problems.append(f'{rel}:{line_of(code, m.start())}: compares a status with a number: '
                                    f'{m.group(0)[:80]}')

    outside = [f for f in poppler_files if f != ALLOWED_POPPLER]
    for f in outside:
        problems.append(f'{f}: Poppler in core outside {ALLOWED_POPPLER}')
    if len(set(poppler_files)) > 1:
        problems.append('Poppler is included by more than one core file: ' + ', '.join(sorted(set(poppler_files))))
    return problems


def self_test():
    cases = {
        'src/core/base/bad-gtk.c': '#include <gtk/gtk.h>\n',
        'src/print/bad-gtk-print.h': '#include <gtk/gtk.h>\n',
        'src/print/bad-print-status.c': 'int f (const char *status) { return g_strcmp0 (status, "active"); }\n',
        'src/core/sync/bad-sqlite.c': '#include <sqlite3.h>\n',
        'src/core/sync/bad-server.c': '#include <libsoup/soup.h>\nSoupServer *s;\n',
        'src/app/roster/bad-server-include.c': '#include "cl-server.h"\n',
        'src/app/billing/bad-role.c': 'int f (const char *role) { return g_strcmp0 (role, "finance") == 0; }\n',
        'src/app/patient/bad-status.c': 'int f (void *p) { return g_strcmp0 (cl_x_get_status (p), "active") == 0; }\n',
        'src/app/patient/bad-magic.c': 'int f (int status) { return status == 1; }\n',
        'src/core/roster/bad-poppler.c': '#include <poppler.h>\n',
        'src/core/billing/bad-stmt.c': 'void f (void *s) { sqlite3_step (s); }\n',
    }
    good = {
        'src/server/cl-server.h': '#pragma once\n',
        'src/core/store/cl-store.c': '#include <sqlite3.h>\n/* g_strcmp0 (role, "admin") in a comment */\n',
        'src/app/roster/good.c': 'int f (const char *name) { return g_strcmp0 (name, "x") == 0; }\n',
        'src/core/archive/cl-pdf-reader.c': '#include <poppler.h>\n',
    }
    with tempfile.TemporaryDirectory() as root:
        for rel, text in {**cases, **good}.items():
            os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
            with open(os.path.join(root, rel), 'w', encoding='utf-8') as f:
                f.write(text)
        problems = check(root)
    failed = False
    for rel in cases:
        if not any(p.startswith(rel) for p in problems):
            print(f'self-test: no problem reported for {rel}')
            failed = True
    for rel in good:
        hits = [p for p in problems if p.startswith(rel)]
        if hits:
            print(f'self-test: false alarm for {rel}: {hits}')
            failed = True
    return not failed


if __name__ == '__main__':
    if sys.argv[1:] == ['--self-test']:
        ok = self_test()
        print('layering self-test:', 'ok' if ok else 'FAILED')
        sys.exit(0 if ok else 1)
    found = check(sys.argv[1])
    for p in found:
        print(p)
    print(f'{len(found)} layering problems')
    sys.exit(1 if found else 0)
