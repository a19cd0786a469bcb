// Sums the Jest JSON reports given as arguments and prints "N passed, N failed";
// a failed CI step that produced no report counts as one failure. Exits 1 on any failure.
const fs = require('node:fs');

const [failedSteps, ...reports] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let failedSuites = 0;
for (const file of reports) {
	if (!fs.existsSync(file)) continue;
	const report = JSON.parse(fs.readFileSync(file, 'utf8'));
	passed += report.numPassedTests;
	failed += report.numFailedTests;
	// A suite that fails to load has no failed tests but is a failure all the same.
	failedSuites += report.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.every((a) => a.status !== 'failed')).length;
}
const stepFailures = Number(failedSteps) || 0;
const extra = failed === 0 && failedSuites === 0 && stepFailures > 0 ? stepFailures : failedSuites;
failed += extra;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || stepFailures > 0 ? 1 : 0);
