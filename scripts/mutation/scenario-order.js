// A Cucumber plugin of the mutation profile: the scenarios most likely to notice a mutant of the
// mutated domain run first (MUTATION_SCENARIOS_FIRST: feature files or folders separated by
// commas, in that order, set by scripts/mutation.ts), the others after them in their usual order.
// Stryker stops a mutant's run at the first failing scenario, so a mutant the domain's own
// scenarios notice is settled before the hundreds of other scenarios that merely pass through its
// code. CommonJS, loaded by Cucumber.
module.exports = {
  type: 'plugin',
  coordinator({ transform, environment }) {
    const first = (environment.env.MUTATION_SCENARIOS_FIRST ?? '').split(',').filter(Boolean);
    if (!first.length) return;
    const rank = ({ pickle }) => {
      const place = first.findIndex((path) => pickle.uri.startsWith(path));
      return place === -1 ? first.length : place;
    };
    transform('pickles:order', (pickles) => [...pickles].sort((a, b) => rank(a) - rank(b)));
  },
};
