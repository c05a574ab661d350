// A Cucumber plugin of the mutation profile: the scenarios of the capabilities that the mutated
// domain serves run first (MUTATION_SCENARIOS_FIRST, feature folders separated by commas, set by
// scripts/mutation.ts), the others after them in their usual order. Stryker stops a mutant's run
// at the first failing scenario, so a mutant the domain's own scenarios notice is settled before
// the hundreds of other scenarios that merely pass through its code. CommonJS, loaded by Cucumber.
module.exports = {
  type: 'plugin',
  coordinator({ transform, environment }) {
    const first = (environment.env.MUTATION_SCENARIOS_FIRST ?? '').split(',').filter(Boolean);
    if (!first.length) return;
    const rank = ({ pickle }) => (first.some((folder) => pickle.uri.startsWith(folder)) ? 0 : 1);
    transform('pickles:order', (pickles) => [...pickles].sort((a, b) => rank(a) - rank(b)));
  },
};
