import type { Scenario } from '../runner';
import { ayrshareScenarios } from './ayrshare';
import { data365Scenarios } from './data365';
import { foundationScenarios } from './foundation';
import { haiiloScenarios } from './haiilo';
import { instagramScenarios } from './instagram';

/** Every benchmark scenario; each provider issue adds its own file here. */
export const scenarios: Scenario[] = [
	...foundationScenarios,
	...ayrshareScenarios,
	...data365Scenarios,
	...haiiloScenarios,
	...instagramScenarios,
];
