import { beforeAll, describe, expect, it } from 'vitest';
import { demo, useBrowser } from '../support';
import { callApi, createApiToken } from './api-client';

const browser = useBrowser();
let token: string;

beforeAll(async () => {
	token = await createApiToken(await browser.page(), demo.administrator);
});

const api = (path: string, options: Parameters<typeof callApi>[2] = {}) => callApi(browser.baseURL, path, { token, ...options });

describe('an integration acting with the administrator’s token', () => {
	it('lists the tree and the people, searching without diacritics, a page at a time', async () => {
		const tree = await api('/organisations');
		expect(tree.status).toBe(200);
		expect(tree.body.items.slice(0, 2).map((n: { shortCode: string; depth: number }) => [n.shortCode, n.depth])).toEqual([
			['UBND', 0],
			['VPUB', 1]
		]);
		expect(tree.body.items[0]).not.toHaveProperty('path');
		expect(tree.body.items[0]).not.toHaveProperty('searchText');

		const all = await api('/people');
		expect(all.status).toBe(200);
		expect(all.body.total).toBeGreaterThanOrEqual(31);
		expect(all.body.items.length).toBe(Math.min(all.body.total, 50));
		const found = await api(`/people?q=${encodeURIComponent('giang a pao')}`);
		expect(found.body.items.map((p: { fullName: string }) => p.fullName)).toEqual(['Giàng A Páo']);
		expect(found.body.items[0]).not.toHaveProperty('unitPath');
		expect((await api('/people?page=0')).status).toBe(400);
	});

	it('creates, reads, changes and deletes a unit and a person', async () => {
		const tree = await api('/organisations');
		const tttt = tree.body.items.find((n: { shortCode: string }) => n.shortCode === 'TTTT');

		const unit = await api('/organisations', { method: 'POST', body: { parentId: tttt.id, kind: 'department', name: 'Tổ Dữ liệu', shortCode: 'tdl', phone: '0212 3751 668' } });
		expect(unit.status).toBe(201);
		expect(unit.body).toMatchObject({ parentId: tttt.id, name: 'Tổ Dữ liệu', shortCode: 'TDL', phone: '+842123751668' });
		const again = await api('/organisations', { method: 'POST', body: { parentId: tttt.id, kind: 'department', name: 'Tổ khác', shortCode: 'TDL' } });
		expect(again).toMatchObject({ status: 409, body: { code: 'CONFLICT', fields: { shortCode: 'Giá trị này đã được sử dụng.' } } });

		const bad = await api('/people', { method: 'POST', body: { unitId: unit.body.id, familyName: 'Lò', givenName: 'Xuân', email: 'xuan@', phone: '0123' }, lang: 'en' });
		expect(bad.status).toBe(400);
		expect(bad.body).toEqual({
			code: 'VALIDATION',
			message: 'Some information is not valid. Please check the marked fields.',
			fields: { email: 'This is not a valid e-mail address.', phone: 'This is not a valid Vietnamese phone number (e.g. 0912 345 678).' }
		});

		const person = await api('/people', { method: 'POST', body: { unitId: unit.body.id, familyName: 'Lò', middleName: 'Văn', givenName: 'Xuân', category: 'vien_chuc', learnerGroups: ['dan_toc_thieu_so'], phone: '0912 345 777' } });
		expect(person.status).toBe(201);
		expect(person.body).toMatchObject({ fullName: 'Lò Văn Xuân', unitShortCode: 'TDL', phone: '+84912345777', learnerGroups: ['dan_toc_thieu_so'] });

		const changed = await api(`/people/${person.body.id}`, { method: 'PATCH', body: { position: 'Kỹ thuật viên', unitId: tttt.id } });
		expect(changed.body).toMatchObject({ position: 'Kỹ thuật viên', unitShortCode: 'TTTT', fullName: 'Lò Văn Xuân' });
		expect((await api(`/people/${person.body.id}`)).body).toMatchObject({ position: 'Kỹ thuật viên' });

		const renamed = await api(`/organisations/${unit.body.id}`, { method: 'PATCH', body: { name: 'Tổ Dữ liệu số' } });
		expect(renamed.body).toMatchObject({ name: 'Tổ Dữ liệu số', shortCode: 'TDL' });
		expect((await api(`/organisations/${tttt.id}`, { method: 'DELETE' })).body).toMatchObject({ code: 'CONFLICT' });

		expect((await api(`/people/${person.body.id}`, { method: 'DELETE' })).status).toBe(204);
		expect((await api(`/people/${person.body.id}`)).status).toBe(404);
		expect((await api(`/organisations/${unit.body.id}`, { method: 'DELETE' })).status).toBe(204);
		expect((await api(`/organisations/${unit.body.id}`)).status).toBe(404);
	});

	it('refuses a body that is not JSON, and a new top-level organisation', async () => {
		const res = await fetch(`${browser.baseURL}/api/v1/people`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{not json' });
		expect(res.status).toBe(400);
		expect(await res.json()).toMatchObject({ code: 'VALIDATION' });
		expect((await api('/organisations', { method: 'POST', body: { kind: 'province', name: 'Tỉnh khác', shortCode: 'TK' } })).status).toBe(403);
	});

	it('is described by the OpenAPI document', async () => {
		const doc = await (await fetch(`${browser.baseURL}/api/v1/openapi.json`)).json();
		expect(Object.keys(doc.paths['/organisations']).sort()).toEqual(['get', 'post']);
		expect(Object.keys(doc.paths['/organisations/{id}']).sort()).toEqual(['delete', 'get', 'patch']);
		expect(Object.keys(doc.paths['/people']).sort()).toEqual(['get', 'post']);
		expect(Object.keys(doc.paths['/people/{id}']).sort()).toEqual(['delete', 'get', 'patch']);
		expect(doc.paths['/people'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['unitId', 'q', 'page']);
		expect(doc.paths['/people'].post.responses).toHaveProperty('201');
		expect(doc.paths['/people/{id}'].delete.responses).toHaveProperty('204');
	});
});
