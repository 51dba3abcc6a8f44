// axe-core on the notice pages.  Usage: node axe.js NODE_MODULES CHROMIUM|- PAGE...
// With a Chromium (puppeteer-core drives it): each page at a phone's
// width, 390 px, every axe rule, and no horizontal scrolling (long
// addresses must wrap).  Without one: axe in jsdom, the rules that need no
// layout (colour contrast and the like are then left out, and said so).
// Prints each violation; exits 1 if there is any.
'use strict';
const path = require('path');
const fs = require('fs');
const [mods, chromium, ...pages] = process.argv.slice(2);
const need = (m) => require(path.join(mods, m));
const axeSource = fs.readFileSync(path.join(mods, 'axe-core', 'axe.min.js'), 'utf8');

function report(page, violations) {
	for (const v of violations)
		for (const n of v.nodes)
			console.log(`${page}: axe: ${v.id} (${v.impact}): ${v.help}: ${n.target.join(' ')}`);
	return violations.length;
}

async function inChromium() {
	const puppeteer = need('puppeteer-core');
	const browser = await puppeteer.launch({ executablePath: chromium, headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
	let bad = 0;
	try {
		for (const page of pages) {
			const tab = await browser.newPage();
			await tab.setViewport({ width: 390, height: 844, deviceScaleFactor: 1 });
			await tab.goto('file://' + path.resolve(page), { waitUntil: 'load' });
			await tab.addScriptTag({ content: axeSource });
			const res = await tab.evaluate(async () => await window.axe.run(document));
			bad += report(page, res.violations);
			const wide = await tab.evaluate(() => document.documentElement.scrollWidth);
			if (wide > 390) {
				console.log(`${page}: ${wide} px wide at a 390 px viewport: something does not wrap`);
				bad++;
			}
			await tab.close();
		}
	} finally {
		await browser.close();
	}
	return bad;
}

async function inJsdom() {
	const { JSDOM } = need('jsdom');
	let bad = 0;
	for (const page of pages) {
		const dom = new JSDOM(fs.readFileSync(page, 'utf8'), { runScripts: 'outside-only',
			url: 'file://' + path.resolve(page) });
		dom.window.eval(axeSource);
		// Rules that measure rendered layout cannot run without a browser.
		const res = await dom.window.axe.run(dom.window.document,
			{ rules: { 'color-contrast': { enabled: false } } });
		bad += report(page, res.violations);
		dom.window.close();
	}
	return bad;
}

(chromium && chromium !== '-' ? inChromium() : inJsdom()).then((bad) => {
	process.exit(bad ? 1 : 0);
}, (e) => {
	console.log('axe: ' + (e && e.stack || e));
	process.exit(2);
});
