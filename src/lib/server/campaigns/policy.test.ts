import { describe, expect, it } from 'vitest';
import { anonymousActor, systemActor, type Actor, type Role } from '../auth/actor';
import { CAMPAIGN_STATUSES, type CampaignAction, type CampaignStatus } from '../../features/campaigns/types';
import { campaignStatus } from './tables';
import { campaignReadScope, canActOnCampaign, canCreateCampaign, canListCampaigns, canReadCampaign } from './policy';

const OFFICE = '/p/o/';
const UNIT = '/p/o/u/';
const PROVINCE = '/p/';
const OTHER = '/q/';

const actor = (role: Role, orgPath = OFFICE): Actor => ({ kind: 'user', userId: `u-${role}`, grants: [{ role, orgId: orgPath, orgPath }] });

type Who = Role | 'anonymous';

/** Who may do each action, when the role is held on the campaign's node or above. */
const EXPECTED: Record<Exclude<CampaignAction, 'read'>, Who[]> = {
	create: ['administrator', 'coordinator'],
	update: ['coordinator'],
	clone: ['coordinator'],
	submit: ['coordinator'],
	start: ['coordinator'],
	close: ['coordinator'],
	approve: ['unit_leader'],
	return: ['unit_leader'],
	issue: ['unit_leader']
};
const EVERYONE: Who[] = ['administrator', 'coordinator', 'unit_leader', 'staff', 'reviewer', 'partner', 'supervisor', 'anonymous'];
const as = (who: Who, path = OFFICE): Actor => (who === 'anonymous' ? anonymousActor : actor(who, path));

describe('campaign policy', () => {
	it('keeps the status list in step with the database enum', () => {
		expect([...CAMPAIGN_STATUSES]).toEqual(campaignStatus.enumValues);
	});

	for (const [action, allowed] of Object.entries(EXPECTED) as Array<[Exclude<CampaignAction, 'read'>, Who[]]>) {
		for (const who of EVERYONE) {
			const may = allowed.includes(who);
			it(`${may ? 'allows' : 'refuses'} ${who} to ${action} a campaign of its node`, () => {
				const campaign = { orgPath: OFFICE, status: 'draft' as CampaignStatus };
				expect(canActOnCampaign(as(who), action, campaign)).toBe(may);
				if (action === 'create') expect(canCreateCampaign(as(who), OFFICE)).toBe(may);
			});
		}
	}

	it('lets a role held above the node act below it, never beside or above it', () => {
		const coordinatorOfOffice = actor('coordinator', OFFICE);
		expect(canActOnCampaign(actor('coordinator', PROVINCE), 'update', { orgPath: UNIT, status: 'draft' })).toBe(true);
		expect(canActOnCampaign(coordinatorOfOffice, 'update', { orgPath: UNIT, status: 'draft' })).toBe(true);
		expect(canActOnCampaign(coordinatorOfOffice, 'update', { orgPath: PROVINCE, status: 'draft' })).toBe(false);
		expect(canActOnCampaign(coordinatorOfOffice, 'update', { orgPath: OTHER, status: 'draft' })).toBe(false);
		expect(canActOnCampaign(actor('unit_leader', UNIT), 'approve', { orgPath: OFFICE, status: 'submitted' })).toBe(false);
	});

	const hidden: CampaignStatus[] = ['draft', 'submitted', 'approved'];
	const shown: CampaignStatus[] = ['issued', 'running', 'closed'];
	for (const who of EVERYONE) {
		const backOffice = ['administrator', 'coordinator', 'unit_leader', 'supervisor'].includes(who);
		it(`${backOffice ? 'shows' : 'hides'} plans on their way to issue to ${who}, and shows issued ones`, () => {
			for (const status of hidden) expect(canReadCampaign(as(who), { orgPath: OFFICE, status })).toBe(backOffice);
			for (const status of shown) expect(canReadCampaign(as(who), { orgPath: OFFICE, status })).toBe(true);
			expect(canListCampaigns(as(who))).toBe(backOffice);
		});
	}

	it('hides another organisation’s drafts from its neighbours', () => {
		expect(canReadCampaign(actor('supervisor', PROVINCE), { orgPath: UNIT, status: 'draft' })).toBe(true);
		expect(canReadCampaign(actor('administrator', OTHER), { orgPath: OFFICE, status: 'draft' })).toBe(false);
	});

	it('lets the system do everything', () => {
		for (const action of Object.keys(EXPECTED) as CampaignAction[]) expect(canActOnCampaign(systemActor(), action, { orgPath: OFFICE, status: 'draft' })).toBe(true);
		expect(campaignReadScope(systemActor())).toBe('all');
		expect(campaignReadScope(actor('supervisor', PROVINCE))).toEqual([PROVINCE]);
		expect(campaignReadScope(actor('staff'))).toEqual([]);
	});
});
