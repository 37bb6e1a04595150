#!/usr/bin/env python3
"""Import the error test cases of Smithy's AWS protocol test suites.

Usage:
    scripts/import-smithy-errors.py SMITHY [--rev REV] [--commit SHA] [--out FILE] [--check]

SMITHY is either a checkout of https://github.com/smithy-lang/smithy (a work
tree) or a (bare) git directory of it.  With a git directory the files are read
from REV (default HEAD) with `git show`; with a work tree they are read from
disk and the commit is taken from `git rev-parse HEAD` when possible (or from
--commit).  --check compares instead of writing and exits 1 on a difference.

The script contains a small parser for the subset of the Smithy IDL 2.0 that
the protocol-test models use (it parses every file of
smithy-aws-protocol-tests/model plus the prelude and the trait-definition files
those models depend on).  It selects every `smithy.test#httpResponseTests` case
applied to a shape carrying the `smithy.api#error` trait in the six AWS
protocols (awsQuery, ec2Query, awsJson1_0, awsJson1_1, restJson1, restXml),
and writes them, with the shapes they need and the service they belong to, as
JSON (default: tests/data/smithy-error-cases.json next to this script's repo).

Only the Python 3 standard library is used.
"""

import argparse
import json
import os
import re
import subprocess
import sys

MODEL_DIR = "smithy-aws-protocol-tests/model"

# Files outside the protocol-test model that define the prelude and the
# traits the models use (the dependencies listed in
# smithy-aws-protocol-tests/build.gradle.kts).
DEFINITION_FILES = [
    "smithy-model/src/main/resources/software/amazon/smithy/model/loader/prelude.smithy",
    "smithy-aws-traits/src/main/resources/META-INF/smithy/aws.api.smithy",
    "smithy-aws-traits/src/main/resources/META-INF/smithy/aws.auth.smithy",
    "smithy-aws-traits/src/main/resources/META-INF/smithy/aws.customizations.smithy",
    "smithy-aws-traits/src/main/resources/META-INF/smithy/aws.protocols.smithy",
    "smithy-protocol-test-traits/src/main/resources/META-INF/smithy/smithy.test.smithy",
    "smithy-protocol-traits/src/main/resources/META-INF/smithy/smithy.protocols.rpcv2.smithy",
    "smithy-validation-model/model/smithy.framework.validation.smithy",
]

PROTOCOLS = {
    "aws.protocols#awsQuery": "awsQuery",
    "aws.protocols#ec2Query": "ec2Query",
    "aws.protocols#awsJson1_0": "awsJson1_0",
    "aws.protocols#awsJson1_1": "awsJson1_1",
    "aws.protocols#restJson1": "restJson1",
    "aws.protocols#restXml": "restXml",
}
PROTOCOL_ORDER = ["awsQuery", "ec2Query", "awsJson1_0", "awsJson1_1", "restJson1", "restXml"]

SIMPLE_TYPES = {
    "blob", "boolean", "document", "string", "byte", "short", "integer", "long",
    "float", "double", "bigInteger", "bigDecimal", "timestamp",
}
AGGREGATE_TYPES = {"list", "set", "map", "structure", "union"}
ENUM_TYPES = {"enum", "intEnum"}
SERVICE_TYPES = {"service", "operation", "resource"}
SHAPE_TYPES = SIMPLE_TYPES | AGGREGATE_TYPES | ENUM_TYPES | SERVICE_TYPES

# Traits that are test definitions rather than properties of a shape; they are
# not copied into the "traits" of exported shapes.
TEST_TRAITS = {
    "smithy.test#httpRequestTests", "smithy.test#httpResponseTests",
    "smithy.test#httpMalformedRequestTests", "smithy.test#eventStreamTests",
    "smithy.test#smokeTests",
}

# Fields of smithy.test#HttpResponseTestCase and where they go in the output.
CASE_FIELDS = {
    "id", "protocol", "code", "authScheme", "headers", "forbidHeaders",
    "requireHeaders", "body", "bodyMediaType", "params", "vendorParamsShape",
    "vendorParams", "documentation", "tags", "appliesTo",
}


class ParseError(Exception):
    pass


# --------------------------------------------------------------------------
# Lexer
# --------------------------------------------------------------------------

class Tok:
    __slots__ = ("kind", "value", "line", "col")

    def __init__(self, kind, value, line, col):
        self.kind = kind      # IDENT, STRING, TEXT, NUMBER, DOC, PUNCT, EOF
        self.value = value
        self.line = line
        self.col = col

    def __repr__(self):
        return "%s(%r)@%d:%d" % (self.kind, self.value, self.line, self.col)


IDENT_START = re.compile(r"[A-Za-z_]")
IDENT_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*(?:#[A-Za-z_][A-Za-z0-9_]*)?(?:\$[A-Za-z_][A-Za-z0-9_]*)?")
NUMBER_RE = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")


def normalize_newlines(s):
    return s.replace("\r\n", "\n").replace("\r", "\n")


def format_text_block(lexeme):
    """Incidental-whitespace removal, as in smithy-model's IdlStringLexer."""
    if not lexeme.startswith("\n"):
        raise ParseError("text block must start with a new line")
    lines = lexeme.split("\n")
    longest = None
    for i in range(1, len(lines)):
        line = lines[i]
        is_last = i == len(lines) - 1
        pad = -1
        for off, ch in enumerate(line):
            if ch != " ":
                pad = off
                break
        else:
            pad = len(line) if is_last else -1
        if pad > -1 and (longest is None or pad < longest):
            longest = pad
    if longest is None:
        longest = 0
    out = []
    for i in range(1, len(lines)):
        line = lines[i]
        if line:
            start = min(longest, len(line))
            end = len(line) - 1
            while end > 0 and line[end] == " ":
                end -= 1
            if end >= start:
                out.append(line[start:end + 1])
        if i < len(lines) - 1:
            out.append("\n")
    return "".join(out)


ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n",
           "r": "\r", "t": "\t", "\n": ""}


def unescape(s, where):
    out = []
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        if i + 1 >= n:
            raise ParseError("%s: dangling backslash in string" % where)
        e = s[i + 1]
        if e == "u":
            hexd = s[i + 2:i + 6]
            if not re.fullmatch(r"[0-9A-Fa-f]{4}", hexd):
                raise ParseError("%s: bad unicode escape" % where)
            out.append(chr(int(hexd, 16)))
            i += 6
            continue
        if e not in ESCAPES:
            raise ParseError("%s: invalid escape \\%s" % (where, e))
        out.append(ESCAPES[e])
        i += 2
    return "".join(out)


def lex(text, path):
    text = normalize_newlines(text)
    toks = []
    i = 0
    n = len(text)
    line = 1
    line_start = 0

    def where(pos):
        return "%s:%d:%d" % (path, line, pos - line_start + 1)

    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
            line_start = i
            continue
        if c in " \t,":
            i += 1
            continue
        col = i - line_start + 1
        if text.startswith("//", i):
            j = text.find("\n", i)
            if j < 0:
                j = n
            if text.startswith("///", i):
                content = text[i + 3:j]
                if content.startswith(" "):
                    content = content[1:]
                toks.append(Tok("DOC", content, line, col))
            i = j
            continue
        if text.startswith('"""', i):
            j = i + 3
            while True:
                if j >= n:
                    raise ParseError("%s: unclosed text block" % where(i))
                if text[j] == "\\":
                    j += 2
                    continue
                if text.startswith('"""', j):
                    break
                j += 1
            raw = text[i + 3:j]
            value = unescape(format_text_block(raw), where(i))
            toks.append(Tok("STRING", value, line, col))
            line += raw.count("\n")
            if "\n" in raw:
                line_start = i + 3 + raw.rfind("\n") + 1
            i = j + 3
            continue
        if c == '"':
            j = i + 1
            while True:
                if j >= n:
                    raise ParseError("%s: unclosed string" % where(i))
                if text[j] == "\\":
                    j += 2
                    continue
                if text[j] == '"':
                    break
                j += 1
            raw = text[i + 1:j]
            toks.append(Tok("STRING", unescape(raw, where(i)), line, col))
            line += raw.count("\n")
            if "\n" in raw:
                line_start = i + 1 + raw.rfind("\n") + 1
            i = j + 1
            continue
        if text.startswith(":=", i):
            toks.append(Tok("PUNCT", ":=", line, col))
            i += 2
            continue
        if c in "@{}[]():=$":
            toks.append(Tok("PUNCT", c, line, col))
            i += 1
            continue
        if c == "-" or c.isdigit():
            m = NUMBER_RE.match(text, i)
            if not m:
                raise ParseError("%s: bad number" % where(i))
            s = m.group(0)
            value = float(s) if any(ch in s for ch in ".eE") else int(s)
            toks.append(Tok("NUMBER", value, line, col))
            i = m.end()
            continue
        if IDENT_START.match(c):
            m = IDENT_RE.match(text, i)
            toks.append(Tok("IDENT", m.group(0), line, col))
            i = m.end()
            continue
        raise ParseError("%s: unexpected character %r" % (where(i), c))
    toks.append(Tok("EOF", None, line, 1))
    return toks


# --------------------------------------------------------------------------
# Node values with source locations
# --------------------------------------------------------------------------

class LocDict(dict):
    """A dict that remembers the line of each key."""

    def __init__(self):
        super().__init__()
        self.key_lines = {}
        self.line = None


class LocList(list):
    def __init__(self):
        super().__init__()
        self.item_lines = []
        self.line = None


class Unquoted(str):
    """A shape id written without quotes in a node value."""


# --------------------------------------------------------------------------
# Parser
# --------------------------------------------------------------------------

class FileContext:
    def __init__(self, path):
        self.path = path
        self.namespace = None
        self.uses = {}       # name -> absolute id
        self.version = None
        self.controls = {}   # $name: value control statements


class Shape:
    def __init__(self, sid, kind, ctx, line):
        self.id = sid
        self.kind = kind
        self.ctx = ctx
        self.line = line
        self.traits = []          # list of (raw trait id, value, ctx, line)
        self.members = []         # list of Member
        self.mixins = []          # raw ids
        self.for_resource = None
        self.props = LocDict()    # service / operation / resource properties
        self.inline = {}          # property -> inline shape id


class Member:
    def __init__(self, name, target, ctx, line, elided=False):
        self.name = name
        self.target = target      # raw (relative) target or None
        self.ctx = ctx
        self.line = line
        self.elided = elided
        self.traits = []
        self.default = None
        self.has_default = False
        self.enum_value = None
        self.has_enum_value = False


class Parser:
    def __init__(self, toks, ctx, model):
        self.toks = toks
        self.pos = 0
        self.ctx = ctx
        self.model = model

    # token helpers ------------------------------------------------------
    def _index(self, k=0):
        """Index of the k-th non-doc-comment token from the current position.

        Looking ahead never moves the position, so doc comments stay
        available to take_docs() until a token after them is consumed."""
        p = self.pos
        while True:
            if self.toks[p].kind == "DOC":
                p += 1
                continue
            if k == 0:
                return p
            k -= 1
            p += 1

    def peek(self, k=0):
        return self.toks[self._index(k)]

    def next(self):
        p = self._index()
        self.pos = p + 1
        return self.toks[p]

    def take_docs(self):
        lines = []
        while self.toks[self.pos].kind == "DOC":
            lines.append(self.toks[self.pos].value)
            self.pos += 1
        return "\n".join(lines) if lines else None

    def err(self, msg, tok=None):
        tok = tok or self.peek()
        return ParseError("%s:%d:%d: %s (at %r)" % (self.ctx.path, tok.line, tok.col, msg, tok.value))

    def is_punct(self, v, k=0):
        t = self.peek(k)
        return t.kind == "PUNCT" and t.value == v

    def expect_punct(self, v):
        t = self.next()
        if t.kind != "PUNCT" or t.value != v:
            raise self.err("expected %r" % v, t)
        return t

    def expect_ident(self):
        t = self.next()
        if t.kind != "IDENT":
            raise self.err("expected identifier", t)
        return t

    # node values --------------------------------------------------------
    def node(self):
        t = self.peek()
        if t.kind == "STRING":
            self.next()
            return t.value
        if t.kind == "NUMBER":
            self.next()
            return t.value
        if t.kind == "IDENT":
            self.next()
            if t.value == "true":
                return True
            if t.value == "false":
                return False
            if t.value == "null":
                return None
            return Unquoted(t.value)
        if self.is_punct("["):
            start = self.next()
            out = LocList()
            out.line = start.line
            while not self.is_punct("]"):
                out.item_lines.append(self.peek().line)
                out.append(self.node())
            self.next()
            return out
        if self.is_punct("{"):
            start = self.next()
            out = LocDict()
            out.line = start.line
            while not self.is_punct("}"):
                kt = self.next()
                if kt.kind not in ("IDENT", "STRING"):
                    raise self.err("expected object key", kt)
                self.expect_punct(":")
                if kt.value in out:
                    raise self.err("duplicate key %r" % kt.value, kt)
                out.key_lines[kt.value] = kt.line
                out[kt.value] = self.node()
            self.next()
            return out
        raise self.err("expected node value", t)

    # traits -------------------------------------------------------------
    def traits(self, limit=None):
        out = []
        while self.is_punct("@") and (limit is None or len(out) < limit):
            at = self.next()
            name = self.expect_ident().value
            value = True  # annotation trait
            if self.is_punct("("):
                self.next()
                if self.is_punct(")"):
                    value = True
                elif self.peek().kind in ("IDENT", "STRING") and self.is_punct(":", 1):
                    obj = LocDict()
                    obj.line = self.peek().line
                    while not self.is_punct(")"):
                        kt = self.next()
                        self.expect_punct(":")
                        obj.key_lines[kt.value] = kt.line
                        obj[kt.value] = self.node()
                    value = obj
                else:
                    value = self.node()
                self.expect_punct(")")
            out.append((name, value, self.ctx, at.line))
        return out

    # statements ---------------------------------------------------------
    def parse(self):
        while True:
            docs = self.take_docs()
            t = self.peek()
            if t.kind == "EOF":
                return
            if self.is_punct("$"):
                self.next()
                key = self.expect_ident().value
                self.expect_punct(":")
                val = self.node()
                self.ctx.controls[key] = val
                if key == "version":
                    self.ctx.version = val
                continue
            if t.kind == "IDENT" and t.value == "metadata":
                self.next()
                k = self.next()
                self.expect_punct("=")
                self.model.metadata.append((k.value, self.node(), self.ctx.path))
                continue
            if t.kind == "IDENT" and t.value == "namespace":
                self.next()
                self.ctx.namespace = self.expect_ident().value
                continue
            if t.kind == "IDENT" and t.value == "use":
                self.next()
                sid = self.expect_ident().value
                self.ctx.uses[sid.split("#", 1)[1]] = sid
                continue
            if t.kind == "IDENT" and t.value == "apply":
                self.next()
                target = self.expect_ident()
                if self.is_punct("{"):
                    self.next()
                    traits = self.traits()
                    self.expect_punct("}")
                else:
                    traits = self.traits(limit=1)
                    if len(traits) != 1:
                        raise self.err("apply expects one trait")
                self.model.applies.append((target.value, traits, self.ctx, target.line))
                continue
            traits = self.traits()
            if docs is not None:
                traits.insert(0, ("smithy.api#documentation", docs, self.ctx, t.line))
            self.shape(traits)

    def shape(self, traits):
        kt = self.expect_ident()
        kind = kt.value
        if kind not in SHAPE_TYPES:
            raise self.err("unknown shape type %r" % kind, kt)
        name = self.expect_ident().value
        sid = "%s#%s" % (self.ctx.namespace, name)
        shape = Shape(sid, kind, self.ctx, kt.line)
        shape.traits.extend(traits)
        self.model.add_shape(shape)
        self.shape_rest(shape)
        return shape

    def shape_rest(self, shape):
        kind = shape.kind
        if self.peek().kind == "IDENT" and self.peek().value == "for":
            self.next()
            shape.for_resource = self.expect_ident().value
        if self.peek().kind == "IDENT" and self.peek().value == "with":
            self.next()
            self.expect_punct("[")
            while not self.is_punct("]"):
                shape.mixins.append(self.expect_ident().value)
            self.next()
        if kind in SIMPLE_TYPES:
            return
        if kind in SERVICE_TYPES:
            self.service_body(shape)
            return
        self.expect_punct("{")
        while True:
            docs = self.take_docs()
            if self.is_punct("}"):
                self.next()
                break
            mtraits = self.traits()
            if docs is not None:
                mtraits.insert(0, ("smithy.api#documentation", docs, self.ctx, self.peek().line))
            elided = False
            if self.is_punct("$"):
                self.next()
                elided = True
            nt = self.expect_ident()
            target = None
            if kind not in ENUM_TYPES and not elided:
                self.expect_punct(":")
                target = self.expect_ident().value
            m = Member(nt.value, target, self.ctx, nt.line, elided)
            m.traits = mtraits
            if self.is_punct("="):
                self.next()
                v = self.node()
                if kind in ENUM_TYPES:
                    m.enum_value, m.has_enum_value = v, True
                else:
                    m.default, m.has_default = v, True
            shape.members.append(m)

    def service_body(self, shape):
        self.expect_punct("{")
        while not self.is_punct("}"):
            kt = self.expect_ident()
            if self.is_punct(":="):
                self.next()
                docs = self.take_docs()
                traits = self.traits()
                if docs is not None:
                    traits.insert(0, ("smithy.api#documentation", docs, self.ctx, kt.line))
                suffix = {"input": self.ctx_input_suffix(), "output": self.ctx_output_suffix()}[kt.value]
                name = shape.id.split("#", 1)[1] + suffix
                inner = Shape("%s#%s" % (self.ctx.namespace, name), "structure", self.ctx, kt.line)
                inner.traits.extend(traits)
                inner.traits.append(("smithy.api#" + kt.value, True, self.ctx, kt.line))
                self.model.add_shape(inner)
                self.shape_rest(inner)
                shape.props.key_lines[kt.value] = kt.line
                shape.props[kt.value] = Unquoted(inner.id)
                shape.inline[kt.value] = inner.id
            else:
                self.expect_punct(":")
                shape.props.key_lines[kt.value] = kt.line
                shape.props[kt.value] = self.node()
        self.next()

    def ctx_input_suffix(self):
        return self.ctx.controls.get("operationInputSuffix", "Input")

    def ctx_output_suffix(self):
        return self.ctx.controls.get("operationOutputSuffix", "Output")


# --------------------------------------------------------------------------
# Model
# --------------------------------------------------------------------------

class Model:
    def __init__(self):
        self.shapes = {}
        self.applies = []
        self.metadata = []

    def add_shape(self, shape):
        if shape.id in self.shapes:
            raise ParseError("duplicate shape %s (%s:%d and %s:%d)" % (
                shape.id, self.shapes[shape.id].ctx.path, self.shapes[shape.id].line,
                shape.ctx.path, shape.line))
        self.shapes[shape.id] = shape

    # resolution ---------------------------------------------------------
    def resolve(self, raw, ctx, what="shape"):
        if raw is None:
            return None
        if "#" in raw:
            return raw
        base, _, member = raw.partition("$")
        if base in ctx.uses:
            sid = ctx.uses[base]
        elif "%s#%s" % (ctx.namespace, base) in self.shapes:
            sid = "%s#%s" % (ctx.namespace, base)
        elif "smithy.api#%s" % base in self.shapes:
            sid = "smithy.api#%s" % base
        else:
            raise ParseError("%s: cannot resolve %s id %r in namespace %s" % (ctx.path, what, raw, ctx.namespace))
        return sid + ("$" + member if member else "")

    def finish(self):
        """Resolve trait ids, apply statements, mixins and member targets."""
        for s in self.shapes.values():
            s.rtraits = self._resolve_traits(s.traits)
            for m in s.members:
                m.rtraits = self._resolve_traits(m.traits)
        for raw, traits, ctx, line in self.applies:
            target = self.resolve(raw, ctx)
            base, _, member = target.partition("$")
            if base not in self.shapes:
                raise ParseError("%s:%d: apply to unknown shape %s" % (ctx.path, line, target))
            shape = self.shapes[base]
            rt = self._resolve_traits(traits)
            if member:
                ms = [m for m in shape.members if m.name == member]
                if not ms:
                    # member inherited from a mixin: record for later
                    shape.__dict__.setdefault("pending_member_applies", []).append((member, rt))
                    continue
                self._merge(ms[0].rtraits, rt)
            else:
                self._merge(shape.rtraits, rt)
        for s in self.shapes.values():
            s.all_members = None
        for s in self.shapes.values():
            self._flatten(s, set())

    def _resolve_traits(self, traits):
        out = {}
        for name, value, ctx, line in traits:
            tid = self.resolve(name, ctx, "trait")
            self._merge(out, {tid: {"value": value, "file": ctx.path, "line": line}})
        return out

    @staticmethod
    def _merge(dst, src):
        for tid, v in src.items():
            if tid in dst:
                old = dst[tid]["value"]
                if isinstance(old, list) and isinstance(v["value"], list):
                    merged = LocList()
                    merged.extend(old)
                    merged.extend(v["value"])
                    merged.item_lines = getattr(old, "item_lines", []) + getattr(v["value"], "item_lines", [])
                    dst[tid] = {"value": merged, "file": v["file"], "line": v["line"],
                                "parts": dst[tid].get("parts", [(dst[tid]["file"], old)]) + [(v["file"], v["value"])]}
                    continue
                if old != v["value"]:
                    raise ParseError("conflicting trait %s (%s:%d)" % (tid, v["file"], v["line"]))
            dst[tid] = v

    def _flatten(self, s, seen):
        if s.all_members is not None:
            return s.all_members
        if s.id in seen:
            raise ParseError("mixin cycle at %s" % s.id)
        seen.add(s.id)
        members = []
        inherited_traits = {}
        for raw in s.mixins:
            mid = self.resolve(raw, s.ctx)
            mix = self.shapes[mid]
            for m in self._flatten(mix, seen):
                members.append(m)
            for tid, v in mix.rtraits.items():
                if tid != "smithy.api#mixin":
                    inherited_traits[tid] = v
        by_name = {m.name: i for i, m in enumerate(members)}
        for m in s.members:
            if m.name in by_name:
                # redeclared mixin member: keep inherited target, add traits
                old = members[by_name[m.name]]
                nm = Member(m.name, old.target, old.ctx, m.line)
                nm.rtarget = getattr(old, "rtarget", None)
                nm.rtraits = dict(old.rtraits)
                nm.rtraits.update(m.rtraits)
                nm.default, nm.has_default = (m.default, True) if m.has_default else (old.default, old.has_default)
                members[by_name[m.name]] = nm
            else:
                members.append(m)
        for member, rt in getattr(s, "pending_member_applies", []):
            for i, m in enumerate(members):
                if m.name == member:
                    nm = Member(m.name, m.target, m.ctx, m.line)
                    nm.rtraits = dict(m.rtraits)
                    self._merge(nm.rtraits, rt)
                    nm.default, nm.has_default = m.default, m.has_default
                    nm.enum_value, nm.has_enum_value = m.enum_value, m.has_enum_value
                    members[i] = nm
        for tid, v in inherited_traits.items():
            s.rtraits.setdefault(tid, v)
        for m in members:
            if getattr(m, "rtarget", None) is None:
                if m.target is not None:
                    m.rtarget = self.resolve(m.target, m.ctx)
                elif s.kind in ENUM_TYPES:
                    m.rtarget = "smithy.api#Unit"
                elif m.elided:
                    m.rtarget = self._elided_target(s, m)
        s.all_members = members
        return members

    def _elided_target(self, s, m):
        if s.for_resource:
            res = self.shapes[self.resolve(s.for_resource, s.ctx)]
            for prop in ("identifiers", "properties"):
                d = res.props.get(prop) or {}
                if m.name in d:
                    return self.resolve(d[m.name], res.ctx)
        for raw in s.mixins:
            mix = self.shapes[self.resolve(raw, s.ctx)]
            for mm in self._flatten(mix, set()):
                if mm.name == m.name:
                    return mm.rtarget
        raise ParseError("%s:%d: cannot resolve elided member %s$%s" % (m.ctx.path, m.line, s.id, m.name))


# --------------------------------------------------------------------------
# Reading the repository
# --------------------------------------------------------------------------

class Source:
    def __init__(self, root, rev):
        self.root = os.path.abspath(root)
        self.rev = rev
        self.bare = not os.path.isdir(os.path.join(self.root, MODEL_DIR))
        if self.bare:
            self.commit = self.git("rev-parse", "%s^{commit}" % rev).strip()
        else:
            try:
                self.commit = subprocess.run(
                    ["git", "-C", self.root, "rev-parse", "HEAD"], check=True,
                    capture_output=True, text=True).stdout.strip()
            except (OSError, subprocess.CalledProcessError):
                self.commit = None

    def git(self, *args):
        return subprocess.run(["git", "--git-dir=" + self.root] + list(args), check=True,
                              capture_output=True, text=True).stdout

    def list_model_files(self):
        if self.bare:
            names = self.git("ls-tree", "-r", "--name-only", self.commit, MODEL_DIR + "/").splitlines()
        else:
            names = []
            base = os.path.join(self.root, MODEL_DIR)
            for d, _, files in os.walk(base):
                for f in files:
                    names.append(os.path.relpath(os.path.join(d, f), self.root).replace(os.sep, "/"))
        return sorted(n for n in names if n.endswith(".smithy"))

    def read(self, path):
        if self.bare:
            data = subprocess.run(["git", "--git-dir=" + self.root, "show", "%s:%s" % (self.commit, path)],
                                  check=True, capture_output=True).stdout
        else:
            with open(os.path.join(self.root, path), "rb") as f:
                data = f.read()
        return data.decode("utf-8")


def load(source):
    model = Model()
    paths = DEFINITION_FILES + source.list_model_files()
    for path in paths:
        ctx = FileContext(path)
        Parser(lex(source.read(path), path), ctx, model).parse()
    model.finish()
    return model, paths


# --------------------------------------------------------------------------
# Export
# --------------------------------------------------------------------------

def plain(v):
    """Convert parser node values to plain JSON values."""
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    if isinstance(v, Unquoted):
        return str(v)
    return v


def short(tid):
    return tid.split("#", 1)[1]


def export_traits(rtraits, model):
    out = {}
    for tid in sorted(rtraits, key=lambda t: (short(t), t)):
        if tid in TEST_TRAITS:
            continue
        key = short(tid)
        if key in out:
            raise ParseError("trait short-name clash: %s" % tid)
        out[key] = plain(rtraits[tid]["value"])
    return out


def trait_ids(rtraits):
    return {short(t): t for t in rtraits if t not in TEST_TRAITS}


def export_shape(model, sid, queue, trait_index):
    if sid not in model.shapes:
        raise ParseError("unknown shape %s" % sid)
    s = model.shapes[sid]
    out = {"kind": s.kind}
    out["traits"] = export_traits(s.rtraits, model)
    trait_index.update(trait_ids(s.rtraits))
    members = []
    for m in s.all_members:
        md = {"name": m.name, "target": m.rtarget, "traits": export_traits(m.rtraits, model)}
        trait_index.update(trait_ids(m.rtraits))
        if m.has_default:
            md["traits"]["default"] = plain(m.default)
            trait_index["default"] = "smithy.api#default"
        if s.kind in ENUM_TYPES:
            md["traits"]["enumValue"] = plain(m.enum_value) if m.has_enum_value else m.name
            trait_index["enumValue"] = "smithy.api#enumValue"
        members.append(md)
        if m.rtarget and m.rtarget not in queue:
            queue.append(m.rtarget)
    if s.kind in ("list", "set"):
        out["member"] = members[0]
    elif s.kind == "map":
        out["key"] = next(m for m in members if m["name"] == "key")
        out["value"] = next(m for m in members if m["name"] == "value")
    elif s.kind in ("structure", "union") or s.kind in ENUM_TYPES:
        out["members"] = members
    if s.mixins:
        out["mixins"] = [model.resolve(r, s.ctx) for r in s.mixins]
    out["defined_at"] = {"file": s.ctx.path, "line": s.line}
    return out


def service_closure(model, service):
    """Error shapes reachable from a service: service errors, operation errors."""
    errors = set()
    ops = set()
    seen_res = set()

    def ids(shape, prop):
        v = shape.props.get(prop)
        return [model.resolve(x, shape.ctx) for x in (v or [])]

    def visit_resource(r):
        if r.id in seen_res:
            return
        seen_res.add(r.id)
        for prop in ("create", "put", "read", "update", "delete", "list"):
            if prop in r.props:
                ops.add(model.resolve(r.props[prop], r.ctx))
        for o in ids(r, "operations") + ids(r, "collectionOperations"):
            ops.add(o)
        for sub in ids(r, "resources"):
            visit_resource(model.shapes[sub])

    errors.update(ids(service, "errors"))
    ops.update(ids(service, "operations"))
    for r in ids(service, "resources"):
        visit_resource(model.shapes[r])
    for o in ops:
        errors.update(ids(model.shapes[o], "errors"))
    return errors


def build(source):
    model, paths = load(source)
    services = {}
    for s in model.shapes.values():
        if s.kind != "service":
            continue
        protos = [PROTOCOLS[t] for t in s.rtraits if t in PROTOCOLS]
        if len(protos) > 1:
            raise ParseError("service %s has several protocols" % s.id)
        services[s.id] = (protos[0] if protos else None, service_closure(model, s))

    cases = []
    out_of_scope = []
    error_shapes = []
    queue = []
    used_services = []
    trait_index = {}
    for sid in sorted(model.shapes):
        s = model.shapes[sid]
        if "smithy.api#error" not in s.rtraits:
            continue
        tests = s.rtraits.get("smithy.test#httpResponseTests")
        if not tests:
            continue
        parts = tests.get("parts", [(tests["file"], tests["value"])])
        for file, lst in parts:
            for item in lst:
                proto_id = model.resolve(item["protocol"], s.ctx if file == s.ctx.path else
                                         _ctx_of(model, file))
                proto = PROTOCOLS.get(proto_id)
                if proto is None:
                    out_of_scope.append({"id": item["id"], "protocol": proto_id, "error_shape": sid,
                                         "file": file, "line": item.key_lines["id"]})
                    continue
                bound = sorted(svc for svc, (p, errs) in services.items() if sid in errs and p == proto)
                binding = "operation-or-service-errors"
                if not bound:
                    bound = sorted(svc for svc, (p, _) in services.items()
                                   if p == proto and svc.split("#")[0] == sid.split("#")[0])
                    binding = "namespace"
                if len(bound) != 1:
                    raise ParseError("cannot determine the service of %s (%s): %r" % (item["id"], sid, bound))
                unknown = set(item) - CASE_FIELDS
                case = {
                    "id": item["id"],
                    "protocol": proto,
                    "protocol_trait": proto_id,
                    "service": bound[0],
                    "service_binding": binding,
                    "error_shape": sid,
                    "applies_to": item.get("appliesTo"),
                    "status": item["code"],
                    "headers": plain(item.get("headers", {})),
                }
                for src, dst in (("forbidHeaders", "forbid_headers"), ("requireHeaders", "require_headers")):
                    if src in item:
                        case[dst] = plain(item[src])
                case["body"] = item.get("body")
                case["body_media_type"] = item.get("bodyMediaType")
                case["params"] = plain(item.get("params", {}))
                case["params_given"] = "params" in item
                case["documentation"] = item.get("documentation")
                if "tags" in item:
                    case["tags"] = plain(item["tags"])
                if "authScheme" in item:
                    case["auth_scheme"] = plain(item["authScheme"])
                if "vendorParamsShape" in item:
                    vps = model.resolve(item["vendorParamsShape"], _ctx_of(model, file))
                    case["vendor_params_shape"] = vps
                    if vps not in queue:
                        queue.append(vps)
                if "vendorParams" in item:
                    case["vendor_params"] = plain(item["vendorParams"])
                if unknown:
                    case["other_fields"] = {k: plain(item[k]) for k in sorted(unknown)}
                case["file"] = file
                case["line"] = item.key_lines["id"]
                cases.append(case)
                if sid not in error_shapes:
                    error_shapes.append(sid)
                    queue.append(sid)
                if bound[0] not in used_services:
                    used_services.append(bound[0])

    shapes = {}
    while queue:
        sid = queue.pop(0)
        if sid in shapes:
            continue
        shapes[sid] = export_shape(model, sid, queue, trait_index)

    svc_out = {}
    for svc in sorted(used_services):
        s = model.shapes[svc]
        trait_index.update(trait_ids(s.rtraits))
        svc_out[svc] = {
            "protocol": services[svc][0],
            "traits": export_traits(s.rtraits, model),
            "version": plain(s.props.get("version")),
            "errors": sorted(services[svc][1]),
            "defined_at": {"file": s.ctx.path, "line": s.line},
        }

    order = {p: i for i, p in enumerate(PROTOCOL_ORDER)}
    cases.sort(key=lambda c: (order[c["protocol"]], c["file"], c["line"]))
    counts = {p: sum(1 for c in cases if c["protocol"] == p) for p in PROTOCOL_ORDER}
    counts["total"] = len(cases)
    ids = [c["id"] for c in cases]
    dups = sorted({i for i in ids if ids.count(i) > 1})

    return {
        "source": {
            "repository": "smithy-lang/smithy",
            "commit": source.commit,
            "paths": paths,
            "case_files": sorted({c["file"] for c in cases}),
        },
        "conventions": {
            "generator": "scripts/import-smithy-errors.py",
            "selection": "every smithy.test#httpResponseTests entry on a shape with the smithy.api#error "
                         "trait whose protocol is one of aws.protocols#{awsQuery,ec2Query,awsJson1_0,"
                         "awsJson1_1,restJson1,restXml}",
            "traits": "trait keys are the trait shape names; 'trait_ids' maps them to absolute ids. "
                      "Annotation traits (no value or '()') are written as true. '///' doc comments "
                      "become 'documentation'. Member defaults ('= value') become 'default', enum values "
                      "'enumValue'. Test traits (httpRequestTests, httpResponseTests, ...) are omitted.",
            "text": "text blocks are processed as in smithy-model's IdlStringLexer (incidental "
                    "whitespace removal, then escapes)",
            "params": "'params' is {} when the test omits it; 'params_given' says whether it was written",
            "line": "'line' is the line of the test case's id key in 'file'",
            "service_binding": "'operation-or-service-errors' when the error is bound to the service "
                               "through an operation's or the service's errors; 'namespace' when it is not "
                               "bound and the only service of that protocol in its namespace was taken",
        },
        "counts": counts,
        "duplicate_ids": dups,
        "trait_ids": dict(sorted(trait_index.items())),
        "services": svc_out,
        "shapes": shapes,
        "cases": cases,
        "out_of_scope_error_cases": out_of_scope,
    }


_CTX_CACHE = {}


def _ctx_of(model, path):
    """The FileContext of a file, found through any shape or apply from it."""
    if path in _CTX_CACHE:
        return _CTX_CACHE[path]
    for s in model.shapes.values():
        if s.ctx.path == path:
            _CTX_CACHE[path] = s.ctx
            return s.ctx
    for _, _, ctx, _ in model.applies:
        if ctx.path == path:
            _CTX_CACHE[path] = ctx
            return ctx
    raise ParseError("no context for %s" % path)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("smithy", help="smithy checkout or git directory")
    ap.add_argument("--rev", default="HEAD", help="revision to read from a git directory (default HEAD)")
    default_out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data",
                               "smithy-error-cases.json")
    ap.add_argument("--out", default=os.path.normpath(default_out))
    ap.add_argument("--commit", help="commit to record when SMITHY is a work tree without git metadata")
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if --out differs from what would be written")
    args = ap.parse_args(argv)
    source = Source(args.smithy, args.rev)
    if args.commit:
        if source.commit and source.commit != args.commit:
            ap.error("--commit %s disagrees with the repository (%s)" % (args.commit, source.commit))
        source.commit = args.commit
    data = build(source)
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if args.check:
        try:
            with open(args.out, encoding="utf-8") as f:
                current = f.read()
        except FileNotFoundError:
            current = None
        if current != text:
            print("%s is not up to date" % args.out, file=sys.stderr)
            return 1
        print("%s is up to date" % args.out, file=sys.stderr)
        return 0
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    c = data["counts"]
    print("wrote %s: %s" % (args.out, ", ".join("%s=%d" % (k, v) for k, v in c.items())), file=sys.stderr)
    if data["out_of_scope_error_cases"]:
        print("error cases of other protocols (not imported): %s" % ", ".join(
            "%s (%s)" % (x["id"], x["protocol"]) for x in data["out_of_scope_error_cases"]), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
