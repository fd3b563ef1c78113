import { describe, expect, it } from 'vitest';
import { renderCampaignStatus } from './render-campaign-status.js';

describe('renderCampaignStatus', () => {
  it('says where the campaign stands, wave by wave and consumer by state', () => {
    expect(renderCampaignStatus({
      dataset: 'user-profile',
      status: 'active',
      startedWaves: 1,
      waves: [{ tier: 'canary', size: 1 }, { tier: 'early', size: 1 }, { tier: 'general', size: 2 }],
      runs: [
        { consumer: 'component:default/signup-dashboard', state: 'ci-passed', prUrl: 'https://github.com/acme/signup-dashboard/pull/1', stateReason: null },
        { consumer: 'component:default/growth-reports', state: 'pending', prUrl: null, stateReason: null },
        { consumer: 'component:default/search-indexer', state: 'pending', prUrl: null, stateReason: null },
        { consumer: 'component:default/legacy-reports', state: 'skipped', prUrl: null, stateReason: 'opted out: the repository has the topic downstream-opt-out' },
      ],
    })).toBe([
      'The **user-profile** campaign is **active**: 1 of 3 waves open (canary).',
      '',
      '| State | Consumers | Which |',
      '| --- | --- | --- |',
      '| pending | 2 | growth-reports, search-indexer |',
      '| ci-passed | 1 | [signup-dashboard](https://github.com/acme/signup-dashboard/pull/1) |',
      '| skipped | 1 | legacy-reports (opted out: the repository has the topic downstream-opt-out) |',
    ].join('\n'));
  });

  it('reads a campaign without waves', () => {
    expect(renderCampaignStatus({ dataset: 'orders', status: 'completed', startedWaves: 0, waves: [], runs: [] })).toBe('The **orders** campaign is **completed**: no waves.');
  });
});
