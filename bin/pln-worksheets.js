#!/usr/bin/env node
// The compiled CLI; `npm install` builds dist/ through the package's prepare script.
// React's production build: its development build adds checks and warnings that slow rendering.
process.env.NODE_ENV ??= 'production';
const { main } = await import('../dist/cli/main.js');

process.exitCode = await main(process.argv.slice(2));
