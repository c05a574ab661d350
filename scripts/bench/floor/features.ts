import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Scenarios per feature file, about the suite's own average (383 scenarios in 46 files). */
const PER_FILE = 8;

/**
 * Writes `count` trivial three-step scenarios into `folder` (emptied first), spread over files
 * the way the suite's are, so the floor parses as many files and scenarios as the suite runs.
 */
export function writeFloorFeatures(folder: string, count: number): void {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (let file = 0; file * PER_FILE < count; file++) {
    const scenarios = Array.from({ length: Math.min(PER_FILE, count - file * PER_FILE) }, (_, i) => {
      const n = file * PER_FILE + i + 1;
      return [`  Scenario: ${n} doubled is ${2 * n}`, `    Given a number ${n}`, '    When it is doubled', `    Then it is ${2 * n}`].join('\n');
    });
    const text = [`Feature: floor ${file + 1}`, '  Trivial scenarios: what cucumber-js itself costs per scenario.', '', scenarios.join('\n\n'), ''].join('\n');
    writeFileSync(join(folder, `floor_${String(file + 1).padStart(3, '0')}.feature`), text);
  }
}
