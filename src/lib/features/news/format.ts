// Labels of the news domain's enumerations, as message keys.
import type { NewsChannel, NewsPostStatus, NewsPrintFormat } from './types';

export function newsStatusLabelKey(status: NewsPostStatus): `news_status_${NewsPostStatus}` {
	return `news_status_${status}`;
}

export function newsChannelLabelKey(channel: NewsChannel): `news_channel_${NewsChannel}` {
	return `news_channel_${channel}`;
}

export function newsPrintFormatLabelKey(format: NewsPrintFormat): `news_print_format_${NewsPrintFormat}` {
	return `news_print_format_${format}`;
}
