import { measure, printTable, type Measurement } from './runner';
import { scenarios } from './scenarios';

async function main(): Promise<void> {
	const filter = process.argv.slice(2).join(' ').toLowerCase();
	const selected = scenarios.filter((scenario) => !filter || scenario.name.toLowerCase().includes(filter));
	if (!selected.length) {
		console.error(`No scenario matches "${filter}". Scenarios:\n${scenarios.map((s) => `  ${s.name}`).join('\n')}`);
		process.exit(1);
	}
	const results: Measurement[] = [];
	for (const scenario of selected) {
		console.log(`running: ${scenario.name} (${scenario.description})`);
		results.push(await measure(scenario));
	}
	printTable(results);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
