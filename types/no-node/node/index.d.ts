// Deliberately empty. tsconfig.browser.json lists this folder in typeRoots, so a
// `/// <reference types="node" />` in a dependency's types (Vite's, reached through WXT's)
// finds this file instead of @types/node: browser code never sees process, Buffer or node:*.
