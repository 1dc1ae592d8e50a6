// The baseline: a bare node:http server answering a JSON body of the same size class.
import { createServer } from 'node:http';

const body = JSON.stringify({ id: 'x', title: 'Kế hoạch tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021', themes: ['Chuyển đổi số và cơ hội học tập suốt đời cho tất cả mọi người'] });
const server = createServer((req, res) => {
	res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
	res.end(body);
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
