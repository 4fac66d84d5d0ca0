#!/usr/bin/env node
/*
 * Real-browser checks of the public page: node axe.js PUBLIC_DIR [SHOT_DIR]
 *
 * Serves PUBLIC_DIR (output/public) on 127.0.0.1, opens index.html in headless
 * Chromium (CHROMIUM, default /usr/bin/chromium) through playwright-core with a
 * fresh profile, at 390 px and 1280 px wide, and checks:
 *   - axe-core finds no violation of WCAG 2.0/2.1 level A and AA
 *     (tags wcag2a, wcag2aa, wcag21a, wcag21aa);
 *   - the stylesheet loads under the page's Content-Security-Policy, nothing
 *     else is requested, and the console reports no CSP violation;
 *   - the page never scrolls sideways;
 *   - keyboard focus is visible (an outline on the focused link).
 * Screenshots of the whole page go to SHOT_DIR as public-390.png and
 * public-1280.png.  Prints "ok - …" or "FAIL - …" per check (tests/lib.sh
 * style) and exits 1 when any check failed, 2 when it could not run.
 */
'use strict';

const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

const dir = process.argv[2];
const shots = process.argv[3] || null;
if (!dir) {
	console.error('usage: node axe.js PUBLIC_DIR [SHOT_DIR]');
	process.exit(2);
}

let failed = 0;
function ok(what) { console.log(`ok - ${what}`); }
function fail(what) { console.log(`FAIL - ${what}`); failed++; }
function check(what, cond, detail) {
	if (cond) ok(what); else fail(detail ? `${what}: ${detail}` : what);
}

const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8' };
const requested = [];

/* Serves the folder's files only; anything else is a 404 and is recorded. */
function serve(root) {
	const server = http.createServer((req, res) => {
		const url = new URL(req.url, 'http://127.0.0.1');
		requested.push(url.pathname);
		let rel = decodeURIComponent(url.pathname);
		if (rel.endsWith('/')) rel += 'index.html';
		const file = path.join(root, path.normalize(rel));
		if (!file.startsWith(path.resolve(root) + path.sep) || !fs.existsSync(file) ||
		    !fs.statSync(file).isFile()) {
			res.writeHead(404);
			res.end();
			return;
		}
		res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
		res.end(fs.readFileSync(file));
	});
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function main() {
	let chromium, axeSource;
	try {
		({ chromium } = require('playwright-core'));
		axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
	} catch (e) {
		console.error(`axe.js: ${e.message} (run npm ci in tests/browser)`);
		process.exit(2);
	}
	const root = path.resolve(dir);
	const server = await serve(root);
	const base = `http://127.0.0.1:${server.address().port}/`;
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kitei-chromium-'));
	let context;
	try {
		context = await chromium.launchPersistentContext(profile, {
			executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
			headless: true,
			args: ['--headless', '--no-sandbox', '--disable-gpu',
			    '--disable-background-networking', '--disable-component-update',
			    '--disable-sync', '--no-first-run'],
			locale: 'ja-JP',
			timezoneId: 'Asia/Tokyo',
		});
	} catch (e) {
		console.error(`axe.js: cannot start Chromium: ${e.message}`);
		server.close();
		fs.rmSync(profile, { recursive: true, force: true });
		process.exit(2);
	}

	const foreign = [];
	const csp = [];
	context.on('request', (r) => {
		if (!r.url().startsWith(base)) foreign.push(r.url());
	});
	for (const width of [390, 1280]) {
		const page = await context.newPage();
		page.on('console', (m) => {
			if (/Content.Security.Policy|Refused to/i.test(m.text())) csp.push(m.text());
		});
		await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
		const res = await page.goto(base + 'index.html', { waitUntil: 'load' });
		check(`${width}px: index.html loads`, res && res.status() === 200,
		    res ? `status ${res.status()}` : 'no response');

		const info = await page.evaluate(() => {
			const h = document.querySelector('header');
			return {
				scroll: document.documentElement.scrollWidth,
				inner: window.innerWidth,
				styled: h ? getComputedStyle(h).backgroundColor : '',
				sheets: document.styleSheets.length,
				lang: document.documentElement.lang,
			};
		});
		check(`${width}px: public.css applies under the CSP`,
		    info.sheets === 1 && info.styled !== 'rgba(0, 0, 0, 0)',
		    `${info.sheets} sheets, header background ${info.styled}`);
		check(`${width}px: no sideways scrolling`, info.scroll <= info.inner,
		    `content ${info.scroll}px wide in a ${info.inner}px window`);

		/* The first Tab lands on the skip link, which must show and carry a ring. */
		await page.keyboard.press('Tab');
		const focus = await page.evaluate(() => {
			const a = document.activeElement;
			const s = getComputedStyle(a);
			const r = a.getBoundingClientRect();
			return { tag: a.tagName, style: s.outlineStyle, width: parseFloat(s.outlineWidth),
			    top: r.top, text: a.textContent };
		});
		check(`${width}px: keyboard focus is visible`,
		    focus.tag === 'A' && focus.style !== 'none' && focus.width >= 2 && focus.top >= 0,
		    JSON.stringify(focus));
		await page.keyboard.press('Shift+Tab');
		await page.evaluate(() => document.activeElement && document.activeElement.blur());

		if (shots) {
			fs.mkdirSync(shots, { recursive: true });
			await page.screenshot({ path: path.join(shots, `public-${width}.png`), fullPage: true });
		}

		/* axe is evaluated through the DevTools protocol: the page's own CSP forbids scripts. */
		await page.evaluate(axeSource);
		const result = await page.evaluate(() => axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
			resultTypes: ['violations', 'incomplete'],
		}));
		const v = result.violations;
		check(`${width}px: axe-core ${result.testEngine.version} finds no WCAG 2.1 A/AA violation`,
		    v.length === 0, v.map((x) => `${x.id} (${x.nodes.length}: ${x.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`).join('; '));
		console.log(`# ${width}px: needs review: ` +
		    (result.incomplete.map((x) => `${x.id} (${x.nodes.length})`).join(', ') || 'none'));
		/* Beyond AA, for information: best practices and AAA contrast. */
		const extra = await page.evaluate(() => axe.run(document, {
			runOnly: { type: 'tag', values: ['best-practice', 'wcag2aaa'] },
			resultTypes: ['violations'],
		}));
		console.log(`# ${width}px: best-practice and AAA findings: ` +
		    (extra.violations.map((x) => `${x.id} (${x.nodes.length})`).join(', ') || 'none'));
		await page.close();
	}
	await context.close();
	server.close();
	fs.rmSync(profile, { recursive: true, force: true });

	check('only index.html and public.css were requested',
	    requested.every((p) => p === '/index.html' || p === '/public.css' || p === '/favicon.ico') &&
	    foreign.length === 0, JSON.stringify({ requested, foreign }));
	check('no Content-Security-Policy violation', csp.length === 0, csp.join(' | '));
	process.exit(failed ? 1 : 0);
}

main().catch((e) => {
	console.error(`axe.js: ${e.stack || e}`);
	process.exit(2);
});
