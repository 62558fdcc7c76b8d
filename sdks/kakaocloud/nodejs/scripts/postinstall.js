// Builds this SDK when it is installed from its TypeScript sources (`npm install <folder>`,
// a git checkout); a published package ships `bin/` and no `tsconfig.json`, so this does nothing.
//
// npm links a folder instead of copying it and, when the folder lies outside the installing
// project, installs none of its dependencies; Node.js then resolves `@pulumi/pulumi` from the
// folder's real path. So a folder install first gets this package's own dependencies into
// `./node_modules` (scripts off: no recursion), then compiles with the `typescript` it depends on.
"use strict";
const childProcess = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
if (!fs.existsSync(path.join(root, "tsconfig.json"))) {
    process.exit(0);
}

function resolvable(name) {
    try {
        require.resolve(`${name}/package.json`, { paths: [root] });
        return true;
    } catch {
        return false;
    }
}

function run(what, command, args) {
    // The parent npm's settings for its own install (global, prefix, workspaces) must not leak.
    const env = { ...process.env };
    for (const key of Object.keys(env)) {
        if (/^npm_config_(global|location|prefix|workspaces?|include_workspace_root|save.*|dry_run)$/i.test(key)) {
            delete env[key];
        }
    }
    const r = childProcess.spawnSync(command, args, { cwd: root, stdio: "inherit", env });
    if (r.status !== 0) {
        console.error(`${require(path.join(root, "package.json")).name}: ${what} failed in ${root}` +
            (r.error ? `: ${r.error.message}` : ` (exit ${r.status})`));
        process.exit(1);
    }
}

const pkg = require(path.join(root, "package.json"));
const missing = Object.keys(pkg.dependencies || {}).filter((d) => !resolvable(d));
if (missing.length > 0) {
    const npmCli = process.env.npm_execpath;
    const [command, prefix] = npmCli && npmCli.endsWith(".js") ? [process.execPath, [npmCli]] : ["npm", []];
    run(`installing ${missing.join(", ")}`, command, [
        ...prefix, "install", "--no-save", "--no-package-lock", "--ignore-scripts", "--no-audit", "--no-fund",
    ]);
}
const tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
// Only this package's own type packages: tsc would otherwise load every `@types/*` of the
// installing project's node_modules, whose versions may not compile with this SDK.
run("compiling the TypeScript sources (tsc)", process.execPath, [tsc, "-p", root, "--types", "node"]);
