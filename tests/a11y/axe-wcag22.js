'use strict';
/*
 * pa11y's own axe runner, extended from WCAG 2.1 to WCAG 2.2 AA.
 *
 * pa11y's "WCAG2AA" standard runs axe's rules tagged wcag2a, wcag21a, wcag2aa, wcag21aa and
 * best-practice; WCAG 2.2 AA adds the wcag22aa rules (today: target-size, success criterion
 * 2.5.8), which axe also ships switched off. pa11y injects a runner's `run` into the page as source
 * text, so this runner is pa11y's `run` with the tag list extended and target-size switched on. It
 * refuses to load when pa11y's source no longer has what it extends, so a pa11y upgrade that
 * changes its runner fails the gate instead of quietly dropping WCAG 2.2.
 */
const axe = require('pa11y/lib/runners/axe');

const edits = [
	["'wcag21aa'", "'wcag21aa', 'wcag22a', 'wcag22aa'"],
	['rules: pa11yRulesToAxe(rules, ignore),',
		"rules: {'target-size': {enabled: true}, ...pa11yRulesToAxe(rules, ignore)},"]
];
let source = axe.run.toString();
for (const [from, to] of edits) {
	if (source.split(from).length !== 2) {
		throw new Error(`axe-wcag22.js: pa11y's axe runner changed ("${from}" is not found once); update this runner`);
	}
	source = source.replace(from, to);
}

module.exports = {
	// eslint-disable-next-line no-eval -- the same source that pa11y itself injects into the page
	run: eval(`(${source})`),
	scripts: axe.scripts,
	supports: axe.supports
};
