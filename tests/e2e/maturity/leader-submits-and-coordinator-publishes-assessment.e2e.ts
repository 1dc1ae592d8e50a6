import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { demo, expectAccessible, signIn, useBrowser } from '../support';

const browser = useBrowser();

const HCC_LEADER = 'lanhdao.hcc@demo.learnweek.vn';
const KT_LEADER = 'lanhdao.kt@demo.learnweek.vn';
const UNIT = 'Trung tâm Phục vụ hành chính công';
const FRAMEWORK = 'Bộ chỉ số rút gọn cho đợt bổ sung';
const ROUND = 'Đánh giá bổ sung mức độ chuyển đổi số năm 2021';
const PDF = (text: string) => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

/** A coordinator's adaptation of the DTI-shaped template: three criteria, one measured by LearnWeek. */
const DEFINITION = {
	overall: 'lowest_group',
	groups: [
		{
			key: 'all',
			name: 'Tổng điểm',
			mandatoryCap: 1,
			levels: [
				{ level: 1, name: 'Mức 1', min: 0, minInclusive: true, max: 50, maxInclusive: false },
				{ level: 2, name: 'Mức 2', min: 50, minInclusive: true, max: 80, maxInclusive: false },
				{ level: 3, name: 'Mức 3', min: 80, minInclusive: true, max: 100, maxInclusive: true }
			]
		}
	],
	pillars: [
		{
			key: 'nen_tang',
			name: 'Nền tảng',
			group: 'all',
			indicators: [
				{
					key: 'nt',
					name: 'Kế hoạch và hạ tầng',
					criteria: [
						{ key: 'ke_hoach', name: 'Có kế hoạch chuyển đổi số năm', maxPoints: 40, type: 'yes_no', evidence: ['document'], mandatory: true },
						{ key: 'phong_hop', name: 'Mức độ sẵn sàng phòng họp trực tuyến', maxPoints: 50, type: 'scale', evidence: ['file'], mandatory: false }
					]
				}
			]
		},
		{
			key: 'hoat_dong',
			name: 'Hoạt động',
			group: 'all',
			indicators: [
				{
					key: 'hd',
					name: 'Hoạt động trực tuyến',
					criteria: [
						{
							key: 'truc_tuyen',
							name: 'Số hoạt động trực tuyến do đơn vị chủ trì',
							maxPoints: 10,
							type: 'number',
							thresholds: [
								{ atLeast: 1, points: 5 },
								{ atLeast: 2, points: 10 }
							],
							evidence: [],
							mandatory: false,
							automatic: 'online_activities'
						}
					]
				}
			]
		}
	]
};

describe('maturity (M7)', () => {
	it('a unit leader submits with evidence, the coordinator returns one criterion, the unit resubmits, the coordinator verifies and publishes, and the leaderboard shows the level', async () => {
		// The coordinator copies the DTI-shaped template and adapts it.
		const coord = await browser.page();
		await signIn(coord, demo.coordinator);
		await coord.goto('/admin/maturity');
		await coord.getByRole('heading', { level: 1, name: 'Mức độ chuyển đổi số' }).waitFor();
		await expectAccessible(coord);
		await coord.getByLabel('Bộ chỉ số chuyển đổi số cấp phòng, ban, đơn vị (theo mô hình DTI)').check();
		await coord.getByLabel('Tên bộ tiêu chí').fill(FRAMEWORK);
		await coord.getByRole('button', { name: 'Sao chép bộ tiêu chí' }).click();
		await coord.getByText('Đã sao chép bộ tiêu chí. Hãy điều chỉnh cho phù hợp.').waitFor();
		await expectAccessible(coord);

		// Bad input: level thresholds that overlap are refused, with what was typed kept.
		await coord.getByLabel('Từ (%), Mức 2').fill('40');
		await coord.getByRole('button', { name: 'Lưu các mức' }).click();
		await coord.getByText('Ngưỡng các mức chồng lên nhau: một số điểm thuộc hai mức.').waitFor();
		expect(await coord.getByLabel('Từ (%), Mức 2').inputValue()).toBe('40');
		await expectAccessible(coord);

		await coord.getByLabel('Nội dung (JSON)').fill(JSON.stringify(DEFINITION));
		await coord.getByRole('button', { name: 'Lưu nội dung JSON' }).click();
		await coord.getByText('Đã lưu bộ tiêu chí.').waitFor();

		// A round on the Office's 2021 plan, enrolling the Public Administration Centre.
		await coord.goto('/admin/maturity/rounds/new');
		const campaignSelect = coord.getByLabel('Kế hoạch Tuần lễ');
		// Other stories make plans of their own: the Office's 2021 plan by its year and organisation.
		const campaignValue = await campaignSelect.locator('option', { hasText: /năm 2021 \(Văn phòng UBND tỉnh\)/ }).first().getAttribute('value');
		await campaignSelect.selectOption(campaignValue!);
		await coord.getByRole('button', { name: 'Chọn' }).click();
		await coord.getByLabel('Tên đợt đánh giá').fill(ROUND);
		const fwSelect = coord.getByLabel('Bộ tiêu chí');
		await fwSelect.selectOption((await fwSelect.locator('option', { hasText: FRAMEWORK }).getAttribute('value'))!);
		await coord.getByLabel('Hạn nộp').fill('31/12/2030');
		await coord.getByLabel(UNIT).check();
		await expectAccessible(coord);
		await coord.getByRole('button', { name: 'Mở đợt đánh giá' }).click();
		await coord.getByText('Đã mở đợt đánh giá; các đơn vị đã được ghi danh.').waitFor();
		const roundUrl = new URL(coord.url()).pathname;
		await expectAccessible(coord);

		// The unit leader fills in the assessment.
		const leader = await browser.page();
		await signIn(leader, HCC_LEADER);
		await leader.goto('/maturity');
		await expectAccessible(leader);
		await leader.getByRole('link', { name: ROUND }).click();
		await leader.waitForURL(/\/maturity\/[0-9a-f-]{36}$/);
		const assessmentPath = new URL(leader.url()).pathname;
		// The measured criterion shows its source.
		await leader.locator('#c-truc_tuyen').getByText(/hoạt động trực tuyến hoặc kết hợp do đơn vị chủ trì/).waitFor();
		await expectAccessible(leader);

		const plan = leader.locator('#c-ke_hoach');
		await plan.getByLabel('Có', { exact: true }).check();
		await plan.getByLabel('Số, ký hiệu').fill('25/KH-TTPVHCC');
		await plan.getByLabel('Ngày văn bản').fill('15/03/2021');
		await plan.getByLabel('Trích yếu').fill('Kế hoạch chuyển đổi số năm 2021');
		await plan.getByRole('button', { name: /^Lưu\s*:\s*Có kế hoạch chuyển đổi số năm$/ }).click();
		await leader.getByText('Đã lưu.').waitFor();
		// With the plan met, the room's readiness is what would raise the level (to 3).
		expect(await leader.locator('section[aria-labelledby="summary-heading"] li').first().textContent()).toContain('Mức độ sẵn sàng phòng họp trực tuyến: thêm 50 điểm, lên Mức 3');

		// Bad input: a score above the 0–5 scale is refused and the value kept.
		const room = leader.locator('#c-phong_hop');
		await room.getByLabel('Kết quả tự đánh giá').fill('6');
		await room.getByRole('button', { name: /^Lưu\s*:\s*Mức độ sẵn sàng phòng họp trực tuyến$/ }).click();
		await room.getByText('Vượt quá mức tối đa (5).').waitFor();
		expect(await room.getByLabel('Kết quả tự đánh giá').inputValue()).toBe('6');
		await expectAccessible(leader);
		await room.getByLabel('Kết quả tự đánh giá').fill('4');
		await room.getByRole('button', { name: /^Lưu\s*:\s*Mức độ sẵn sàng phòng họp trực tuyến$/ }).click();
		await leader.getByText('Đã lưu.').waitFor();

		// Bad input: an executable is refused as evidence; a PDF is taken.
		await leader.locator('#c-phong_hop').getByLabel('Tệp minh chứng').setInputFiles({ name: 'setup.exe', mimeType: 'application/pdf', buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]) });
		await leader.locator('#c-phong_hop').getByRole('button', { name: /^Tải lên/ }).click();
		await leader.getByText('Tệp “setup.exe” không thuộc loại được nhận (PDF, PNG, JPEG, WebP, Word, Excel, PowerPoint); không có gì được lưu.').waitFor();
		await leader.locator('#c-phong_hop').getByLabel('Tệp minh chứng').setInputFiles({ name: 'phong-hop.pdf', mimeType: 'application/pdf', buffer: PDF('Phòng họp') });
		await leader.locator('#c-phong_hop').getByRole('button', { name: /^Tải lên/ }).click();
		await leader.getByText('Đã tải lên tệp minh chứng.').waitFor();
		const evidenceHref = await leader.locator('#c-phong_hop').getByRole('link', { name: 'phong-hop.pdf' }).getAttribute('href');

		// 40 + 4/5 of 50 = 80 of 100: level 3 is what it would reach.
		expect(await leader.locator('section[aria-labelledby="summary-heading"] dd').nth(2).textContent()).toContain('Mức 3');
		await leader.getByRole('button', { name: 'Nộp bản tự đánh giá' }).click();
		await leader.getByText('Đã nộp bản tự đánh giá.').waitFor();
		await expectAccessible(leader);

		// Another unit's leader cannot read the assessment or its evidence, by page or by API.
		const other = await browser.page();
		await signIn(other, KT_LEADER);
		expect((await other.goto(assessmentPath))?.status()).toBe(404);
		expect((await other.request.get(evidenceHref!)).status()).toBe(404);
		const api = await other.request.get(`/api/v1/maturity/assessments/${assessmentPath.split('/').pop()}`, { headers: { 'accept-language': 'en' } });
		expect(api.status()).toBe(404);
		expect(await api.json()).toMatchObject({ code: 'NOT_FOUND' });
		expect((await leader.request.get(`/api/v1/maturity/assessments/${assessmentPath.split('/').pop()}`)).status()).toBe(200);

		// The coordinator returns the room criterion for more evidence.
		await coord.goto(roundUrl);
		await coord.getByRole('link', { name: UNIT }).click();
		await coord.waitForURL(/\/admin\/maturity\/assessments\//);
		await expectAccessible(coord);
		const review = coord.locator('#c-phong_hop');
		await review.getByLabel('Trả lại', { exact: true }).check();
		await review.getByLabel('Lý do').fill('Cần ảnh chụp thiết bị phòng họp.');
		await review.getByRole('button', { name: /^Ghi nhận\s*:\s*Mức độ sẵn sàng phòng họp trực tuyến$/ }).click();
		await coord.getByText('Đã ghi nhận kết quả thẩm định tiêu chí.').waitFor();
		await coord.getByRole('button', { name: 'Trả lại đơn vị' }).click();
		await coord.getByText('Đã trả lại đơn vị để bổ sung minh chứng.').waitFor();

		// The unit adds evidence to the returned criterion and resubmits.
		await leader.goto(assessmentPath);
		await leader.locator('#c-phong_hop').getByText('Cần ảnh chụp thiết bị phòng họp.').waitFor();
		expect(await leader.locator('#c-ke_hoach form').count()).toBe(0);
		await leader.locator('#c-phong_hop').getByLabel('Tệp minh chứng').setInputFiles({ name: 'anh-thiet-bi.pdf', mimeType: 'application/pdf', buffer: PDF('Ảnh thiết bị') });
		await leader.locator('#c-phong_hop').getByRole('button', { name: /^Tải lên/ }).click();
		await leader.getByText('Đã tải lên tệp minh chứng.').waitFor();
		await leader.getByRole('button', { name: 'Nộp lại' }).click();
		await leader.getByText('Đã nộp bản tự đánh giá.').waitFor();

		// The coordinator verifies and publishes.
		await coord.reload();
		await coord.getByRole('button', { name: 'Chấp nhận các tiêu chí còn lại' }).click();
		await coord.getByText('Đã chấp nhận các tiêu chí còn lại.').waitFor();
		await coord.getByRole('button', { name: 'Xác minh kết quả' }).click();
		await coord.getByText('Đã xác minh kết quả của đơn vị.').waitFor();
		await expectAccessible(coord);
		await coord.goto(roundUrl);
		await coord.getByRole('button', { name: 'Công bố kết quả' }).click();
		await coord.getByText('Đã công bố kết quả. Bảng xếp hạng đã mở cho mọi người.').waitFor();

		// Anyone reads the leaderboard: the unit at level 3 with 80 points, its radar chart and table, the XLSX.
		const visitor = await browser.page();
		const roundId = roundUrl.split('/').pop();
		await visitor.goto(`/maturity/rounds/${roundId}`);
		await visitor.getByRole('heading', { level: 1, name: `Kết quả thi đua chuyển đổi số: ${ROUND}` }).waitFor();
		const row = visitor.locator('section[aria-labelledby="total-heading"] tbody tr', { hasText: UNIT });
		expect(await row.locator('td').nth(1).textContent()).toBe('80');
		expect(await row.locator('td').nth(3).textContent()).toBe('Mức 3');
		expect(await visitor.getByRole('img', { name: `Biểu đồ radar tỷ lệ điểm theo trụ cột của ${UNIT}` }).count()).toBe(1);
		await expectAccessible(visitor);
		const xlsx = await visitor.request.get(`/maturity/rounds/${roundId}/leaderboard.xlsx`);
		expect(xlsx.status()).toBe(200);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
		expect(wb.worksheets[0].getRow(5).getCell(2).value).toBe(UNIT);
		expect(wb.worksheets[0].getRow(5).getCell(5).value).toBe('Mức 3');
	});
});
