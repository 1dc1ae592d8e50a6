// The closed lists of the learning library (PRODUCT M10, M15), safe for the browser. The lists
// that come from policy texts are data: an agency edits them here, not in the code that uses them.
export { LEARNER_GROUPS, type LearnerGroup } from '../org/types';

export const RESOURCE_KINDS = ['video', 'audio', 'document', 'ebook', 'link', 'online_course'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const RESOURCE_STATUSES = ['draft', 'published'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

/**
 * Lĩnh vực năng lực số: the six domains of the digital competence framework for learners,
 * TT 02/2025/TT-BGDĐT (DOMAIN-VN §5.2 a). The names are as reported by secondary sources [F];
 * check them against the Thông tư's Phụ lục before relying on them.
 */
export const COMPETENCE_AREAS = [
	{ key: 'data_information', name: 'Khai thác dữ liệu và thông tin' },
	{ key: 'communication_collaboration', name: 'Giao tiếp và hợp tác trong môi trường số' },
	{ key: 'content_creation', name: 'Sáng tạo nội dung số' },
	{ key: 'safety', name: 'An toàn' },
	{ key: 'problem_solving', name: 'Giải quyết vấn đề' },
	{ key: 'artificial_intelligence', name: 'Ứng dụng trí tuệ nhân tạo' }
] as const;
export type CompetenceArea = (typeof COMPETENCE_AREAS)[number]['key'];
export const COMPETENCE_AREA_KEYS = COMPETENCE_AREAS.map((a) => a.key) as [CompetenceArea, ...CompetenceArea[]];

/** Languages of the resources: Vietnamese, ethnic-minority languages with materials in use, English. [M] */
export const RESOURCE_LANGUAGES = [
	{ key: 'vi', name: 'Tiếng Việt' },
	{ key: 'thai', name: 'Tiếng Thái' },
	{ key: 'hmong', name: "Tiếng H'Mông" },
	{ key: 'tay', name: 'Tiếng Tày' },
	{ key: 'muong', name: 'Tiếng Mường' },
	{ key: 'dao', name: 'Tiếng Dao' },
	{ key: 'khmer', name: 'Tiếng Khmer' },
	{ key: 'en', name: 'Tiếng Anh' }
] as const;
export type ResourceLanguage = (typeof RESOURCE_LANGUAGES)[number]['key'];
export const RESOURCE_LANGUAGE_KEYS = RESOURCE_LANGUAGES.map((l) => l.key) as [ResourceLanguage, ...ResourceLanguage[]];

/**
 * The "Công dân học tập" self-check: the eight capacities and qualities of TT 22/2020/TT-BGDĐT
 * (criterion 3, DOMAIN-VN §1.3 b) plus digital skills, which QĐ 677/QĐ-TTg ties to the title.
 */
export const CITIZEN_CAPACITIES = [
	{ key: 'law', name: 'Chấp hành pháp luật; thực hiện quyền, nghĩa vụ công dân với gia đình và xã hội' },
	{ key: 'lifelong', name: 'Có ý thức học tập suốt đời để phát triển bản thân' },
	{ key: 'organise', name: 'Tổ chức việc học tập trong gia đình, dòng họ và cộng đồng' },
	{ key: 'healthy', name: 'Sống lành mạnh; tôn trọng và sống hài hòa với môi trường' },
	{ key: 'language_it', name: 'Sử dụng ngoại ngữ và công nghệ thông tin theo yêu cầu công việc' },
	{ key: 'critical', name: 'Tư duy phản biện, sáng tạo; chủ động; giải quyết vấn đề' },
	{ key: 'gender', name: 'Tôn trọng và thực hiện bình đẳng giới' },
	{ key: 'culture', name: 'Hiểu và tôn trọng sự đa dạng văn hóa; ứng xử phù hợp' },
	{ key: 'digital', name: 'Kỹ năng số (Chương trình chuyển đổi số quốc gia)' }
] as const;
export type CitizenCapacity = (typeof CITIZEN_CAPACITIES)[number]['key'];

/** The self-assessed level of one capacity: chưa đạt, đang hình thành, đạt, tốt. */
export const CAPACITY_LEVELS = ['not_yet', 'developing', 'meets', 'strong'] as const;
export type CapacityLevel = (typeof CAPACITY_LEVELS)[number];

export const LEARNING_STATUSES = ['started', 'completed'] as const;
export type LearningStatus = (typeof LEARNING_STATUSES)[number];

/** Results per page of the public library. */
export const LIBRARY_PAGE_SIZE = 20;

/** A resource as lists and the detail page show it. */
export interface ResourceView {
	id: string;
	orgId: string;
	kind: ResourceKind;
	title: string;
	/** Sanitised on the server; rendered with {@html}. */
	descriptionHtml: string;
	learnerGroups: string[];
	themes: string[];
	competenceAreas: string[];
	language: string;
	durationMinutes: number | null;
	licence: string;
	source: string;
	url: string | null;
	fileName: string | null;
	status: ResourceStatus;
	publishedAt: Date | null;
}

/** Hours and completions of one group of learners (a unit or a learner group). */
export interface LearningTotals {
	key: string;
	label: string;
	learners: number;
	minutes: number;
	completions: number;
}
