import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

interface Step {
  uses?: string;
  run?: string;
  id?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Workflow {
  on: { push: { branches: string[] } };
  permissions: Record<string, string>;
  jobs: { build: { 'timeout-minutes'?: number; steps: Step[] }; deploy: { needs: string; steps: Step[] } };
}

describe('the GitHub Pages workflow', () => {
  const workflow = load(readFileSync('.github/workflows/deploy.yml', 'utf8')) as Workflow;
  const build = workflow.jobs.build.steps;

  it('builds with the same commands as README, for the address Pages gives the repository', () => {
    expect(build.map((step) => step.run).filter(Boolean)).toEqual(['npm ci', 'npm run build']);
    const buildStep = build.find((step) => step.run === 'npm run build')!;
    expect(buildStep.env).toEqual({ SITE: '${{ steps.pages.outputs.origin }}', BASE: '${{ steps.pages.outputs.base_path }}/' });
    expect(build.find((step) => step.uses?.startsWith('actions/configure-pages'))?.id).toBe('pages');
    expect(build.find((step) => step.uses?.startsWith('actions/setup-node'))?.with?.['node-version-file']).toBe('.nvmrc');
  });

  it('publishes dist/ from main with the permissions Pages needs', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(build.find((step) => step.uses?.startsWith('actions/upload-pages-artifact'))?.with?.['path']).toBe('dist');
    expect(workflow.jobs.deploy.needs).toBe('build');
    expect(workflow.jobs.deploy.steps[0]?.uses).toMatch(/^actions\/deploy-pages@/u);
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });

  it('gives the build a time limit, so a build that hangs is stopped instead of holding a runner for six hours', () => {
    const limit = workflow.jobs.build['timeout-minutes'];
    expect(limit).toBeTypeOf('number');
    expect(limit).toBeGreaterThanOrEqual(10);
    expect(limit).toBeLessThanOrEqual(60);
  });
});
