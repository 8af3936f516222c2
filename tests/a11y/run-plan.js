'use strict';
/*
 * The accessibility gate's browser half: runs a plan (a JSON file that tests/a11y/gate.py writes)
 * in one node process and writes what each job found.
 *
 *   .venv/bin/node tests/a11y/run-plan.js reports/a11y/plan.json
 *
 * A plan is {launch, schemes, options, concurrency, result, jobs}. Each job is one page in one
 * view: pa11y (with the plan's runners, axe and HTML_CodeSniffer) over `url` at `viewport`, in the
 * browser of its `scheme`, after its `actions`; or, when it names a `snapshot` file, the page's DOM
 * once `waitFor` is in it (what the HTML checker reads of an answered guide).
 *
 * Why not pa11y-ci: it starts one Chromium per process and keys its results by address, so one
 * address in two views (or two jobs at once) overwrite each other (pa11y/pa11y-ci#98). Here each
 * colour scheme has one Chromium for the whole run (the dark one launched with --force-dark-mode,
 * as a citizen's dark system setting is), every job opens its own tab in it, `concurrency` jobs run
 * at a time, and every result is keyed by the job's index. pa11y itself is unchanged: the same
 * runners, options and issue objects as pa11y-ci passes on.
 */
const fs = require('fs');
const pa11y = require('pa11y');
const puppeteer = require('puppeteer');

async function snapshot(browser, job, timeout) {
	const page = await browser.newPage();
	try {
		await page.setViewport(job.viewport);
		await page.goto(job.url, {waitUntil: 'load', timeout});
		await page.waitForSelector(job.waitFor, {timeout});
		const html = await page.evaluate(() => document.documentElement.outerHTML);
		fs.writeFileSync(job.snapshot, `<!DOCTYPE html>\n${html}`, 'utf8');
		return {};
	} finally {
		await page.close();
	}
}

async function runJob(browser, job, options) {
	if (job.snapshot) {
		return snapshot(browser, job, options.timeout);
	}
	const result = await pa11y(job.url, {
		...options,
		browser,
		viewport: job.viewport,
		actions: job.actions,
		log: {debug() {}, info() {}, error() {}}
	});
	return {issues: result.issues};
}

async function main(planFile) {
	const plan = JSON.parse(fs.readFileSync(planFile, 'utf8'));
	const browsers = {};
	for (const scheme of new Set(plan.jobs.map(job => job.scheme))) {
		browsers[scheme] = await puppeteer.launch({
			...plan.launch,
			args: [...plan.launch.args, ...plan.schemes[scheme]]
		});
	}
	const results = new Array(plan.jobs.length);
	let next = 0;
	async function worker() {
		while (next < plan.jobs.length) {
			const index = next++;
			const job = plan.jobs[index];
			const started = Date.now();
			try {
				results[index] = await runJob(browsers[job.scheme], job, plan.options);
			} catch (error) {
				// The page could not be tested (it did not load, an action timed out): the gate reports it.
				results[index] = {error: String(error && error.message || error)};
			}
			results[index].ms = Date.now() - started;
		}
	}
	try {
		await Promise.all(Array.from({length: plan.concurrency}, worker));
	} finally {
		await Promise.all(Object.values(browsers).map(browser => browser.close()));
	}
	fs.writeFileSync(plan.result, JSON.stringify({results}, null, 1), 'utf8');
}

main(process.argv[2]).catch(error => {
	console.error(error);
	process.exit(1);
});
