#!/usr/bin/env node
// The compiled CLI; `npm install` builds dist/ through the package's prepare script.
// React's production build: its development build adds checks and warnings that slow rendering.
process.env.NODE_ENV ??= 'production';
const { launch } = await import('../dist/launch.js');

process.exitCode = await launch(process.argv.slice(2));
