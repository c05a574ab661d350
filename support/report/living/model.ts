import type { Catalogue, CapabilitySpec, FeatureSpec, SpecifiedScenario } from './catalogue';
import { slug } from './html';
import type { Result, RunResults, ScenarioRun } from './read-run';

export type Shown = Result | 'not run';

export interface ScenarioView extends SpecifiedScenario {
  /** The deep link: capability/feature/scenario. */
  key: string;
  status: Shown;
  run?: ScenarioRun;
}

export interface FeatureView extends FeatureSpec {
  key: string;
  scenarios: ScenarioView[];
}

export interface Counts {
  specified: number;
  passed: number;
  failed: number;
  skipped: number;
  notRun: number;
}

export interface CapabilityView extends CapabilitySpec {
  counts: Counts;
  features: FeatureView[];
}

/**
 * Places every scenario the features specify under its capability and feature, with its result
 * in this run or "not run". A scenario that ran from a file outside the catalogue is placed too.
 */
export function buildModel(catalogue: Catalogue, run: RunResults): CapabilityView[] {
  const runs = new Map(run.scenarios.map((scenario) => [scenario.id, scenario]));
  const used = new Set<string>();
  return catalogue.capabilities.map((capability) => {
    const features = catalogue.features
      .filter((feature) => feature.capability === capability.key)
      .map((feature) => {
        const key = `${capability.key}/${slug(feature.uri.split('/').pop()!.replace(/\.feature$/, ''))}`;
        const scenarios = catalogue.scenarios
          .filter((scenario) => scenario.uri === feature.uri)
          .map((scenario) => {
            let scenarioKey = `${key}/${slug(scenario.title)}`;
            for (let n = 2; used.has(scenarioKey); n++) scenarioKey = `${key}/${slug(scenario.title)}-${n}`;
            used.add(scenarioKey);
            const ran = runs.get(scenario.id);
            return { ...scenario, key: scenarioKey, status: ran?.result ?? ('not run' as const), run: ran };
          });
        return { ...feature, key, scenarios };
      });
    return { ...capability, features, counts: countOf(features.flatMap((feature) => feature.scenarios)) };
  });
}

export function countOf(scenarios: ScenarioView[]): Counts {
  const counts: Counts = { specified: scenarios.length, passed: 0, failed: 0, skipped: 0, notRun: 0 };
  for (const scenario of scenarios) counts[scenario.status === 'not run' ? 'notRun' : scenario.status]++;
  return counts;
}
