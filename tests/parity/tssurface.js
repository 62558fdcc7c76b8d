// Prints the exported API of a TypeScript SDK folder, one symbol a line, sorted: `file.ts` for a
// file, `file.ts#Name` for an export (namespaces qualify: `types/input.ts#core.v1.PodArgs`),
// `file.ts#Class.member` for a public class member (`Class::member` when static), `file.ts#Iface.prop?` for an interface
// property (`?` when optional), and `(params)` after a callable, optional parameters with `?`.
// Parsing only (TypeScript's own parser, no type check), so it is fast on large SDKs. The
// API-parity tests compare these lists between bridgegen's and Pulumi's nodejs SDKs
// (crates/bridgegen-test-support/src/parity.rs).
// Usage: node tssurface.js TYPESCRIPT_MODULE_DIR SDK_DIR
"use strict";
const fs = require("fs");
const path = require("path");

const ts = require(process.argv[2]);
const root = process.argv[3];

function filesUnder(dir, out) {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) {
            if (e.name !== "node_modules" && e.name !== "bin") filesUnder(p, out);
        } else if (e.name.endsWith(".ts")) {
            out.push(p);
        }
    }
    return out;
}

const has = (node, kind) => (ts.getModifiers?.(node) ?? node.modifiers ?? []).some((m) => m.kind === kind);
const exported = (node) => has(node, ts.SyntaxKind.ExportKeyword);
const nameOf = (node) => (node.name && (node.name.text ?? node.name.getText())) || "";

function params(fn) {
    const list = fn.parameters.map((p) => {
        const rest = p.dotDotDotToken ? "..." : "";
        const optional = p.questionToken || p.initializer ? "?" : "";
        return rest + p.name.getText() + optional;
    });
    return `(${list.join(",")})`;
}

// Callables with overloads are called through their overloads only; the implementation
// signature (the one with a body) counts when there is no overload.
function callables(decls) {
    const overloads = decls.filter((d) => !d.body);
    return overloads.length > 0 ? overloads : decls;
}

function classMembers(cls, owner, add) {
    const byName = new Map();
    for (const m of cls.members) {
        if (has(m, ts.SyntaxKind.PrivateKeyword) || has(m, ts.SyntaxKind.ProtectedKeyword)) continue;
        const isCtor = m.kind === ts.SyntaxKind.Constructor;
        const name = isCtor ? "constructor" : nameOf(m);
        if (!name || name.startsWith("__")) continue;
        const sep = has(m, ts.SyntaxKind.StaticKeyword) ? "::" : ".";
        if (isCtor || m.kind === ts.SyntaxKind.MethodDeclaration) {
            const key = sep + name;
            if (!byName.has(key)) byName.set(key, []);
            byName.get(key).push(m);
        } else if (m.kind === ts.SyntaxKind.PropertyDeclaration || m.kind === ts.SyntaxKind.GetAccessor) {
            add(`${owner}${sep}${name}`);
        }
    }
    for (const [key, decls] of byName) {
        for (const d of callables(decls)) add(`${owner}${key}${params(d)}`);
    }
}

function interfaceMembers(iface, owner, add) {
    for (const m of iface.members) {
        const name = nameOf(m);
        if (!name) continue;
        if (m.kind === ts.SyntaxKind.MethodSignature) {
            add(`${owner}.${name}${params(m)}`);
        } else if (m.kind === ts.SyntaxKind.PropertySignature) {
            add(`${owner}.${name}${m.questionToken ? "?" : ""}`);
        }
    }
}

// `export const Kind = { A: "a", ... } as const`: the members of an enum-like object.
function objectMembers(init, owner, add) {
    while (init && (ts.isAsExpression(init) || ts.isParenthesizedExpression(init) || ts.isSatisfiesExpression?.(init))) {
        init = init.expression;
    }
    if (!init || !ts.isObjectLiteralExpression(init)) return;
    for (const p of init.properties) {
        const name = nameOf(p);
        if (name) add(`${owner}.${name}`);
    }
}

function statements(list, prefix, add) {
    const functions = new Map();
    for (const s of list) {
        if (ts.isExportDeclaration(s)) {
            if (!s.exportClause) {
                if (s.moduleSpecifier) add("*" + s.moduleSpecifier.text);
            } else if (ts.isNamedExports(s.exportClause)) {
                for (const e of s.exportClause.elements) add(prefix + e.name.text);
            } else {
                add(prefix + s.exportClause.name.text);
            }
            continue;
        }
        if (!exported(s)) continue;
        if (ts.isFunctionDeclaration(s)) {
            const name = nameOf(s);
            if (!functions.has(name)) functions.set(name, []);
            functions.get(name).push(s);
        } else if (ts.isClassDeclaration(s)) {
            add(prefix + nameOf(s));
            classMembers(s, prefix + nameOf(s), add);
        } else if (ts.isInterfaceDeclaration(s)) {
            add(prefix + nameOf(s));
            interfaceMembers(s, prefix + nameOf(s), add);
        } else if (ts.isEnumDeclaration(s)) {
            add(prefix + nameOf(s));
            for (const m of s.members) add(`${prefix}${nameOf(s)}.${nameOf(m)}`);
        } else if (ts.isTypeAliasDeclaration(s)) {
            add(prefix + nameOf(s));
        } else if (ts.isVariableStatement(s)) {
            for (const d of s.declarationList.declarations) {
                add(prefix + d.name.getText());
                objectMembers(d.initializer, prefix + d.name.getText(), add);
            }
        } else if (ts.isModuleDeclaration(s)) {
            add(prefix + nameOf(s));
            if (s.body && ts.isModuleBlock(s.body)) statements(s.body.statements, `${prefix}${nameOf(s)}.`, add);
        } else if (ts.isImportEqualsDeclaration(s)) {
            add(prefix + nameOf(s));
        }
    }
    for (const [name, decls] of functions) {
        for (const d of callables(decls)) add(`${prefix}${name}${params(d)}`);
    }
}

const seen = new Set();
for (const file of filesUnder(root, [])) {
    const rel = path.relative(root, file).split(path.sep).join("/");
    seen.add(rel);
    const text = fs.readFileSync(file, "utf8");
    const src = ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    statements(src.statements, "", (sym) => seen.add(`${rel}#${sym}`));
}
process.stdout.write([...seen].sort().join("\n") + "\n");
