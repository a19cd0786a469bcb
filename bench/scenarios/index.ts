import type { Scenario } from '../runner';
import { data365Scenarios } from './data365';
import { foundationScenarios } from './foundation';

/** Every benchmark scenario; each provider issue adds its own file here. */
export const scenarios: Scenario[] = [...foundationScenarios, ...data365Scenarios];
