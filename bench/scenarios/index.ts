import type { Scenario } from '../runner';
import { foundationScenarios } from './foundation';
import { haiiloScenarios } from './haiilo';

/** Every benchmark scenario; each provider issue adds its own file here. */
export const scenarios: Scenario[] = [...foundationScenarios, ...haiiloScenarios];
