// LearnWeek: resumable upload of a contest entry (tus 1.0.0). When the entry form has a file,
// this sends it to the server in pieces before the form is posted; a dropped connection is retried
// and resumed from what the server reports it has (HEAD → Upload-Offset), and a reload resumes the
// same upload (its address is kept in localStorage). Without this script the form posts the file
// itself, which suits small files.
(function () {
	'use strict';
	var form = document.querySelector('form[data-tus-endpoint]');
	if (!form || !window.fetch || !window.Blob || !window.localStorage) return;
	var input = form.querySelector('input[type=file][name=file]');
	var hidden = form.querySelector('input[name=uploadId]');
	var status = form.querySelector('[data-upload-status]');
	var bar = form.querySelector('[data-upload-progress]');
	var endpoint = form.getAttribute('data-tus-endpoint');
	var contestId = form.getAttribute('data-contest-id');
	var chunk = Number(form.getAttribute('data-chunk-bytes')) || 2097152;
	var maxBytes = Number(form.getAttribute('data-max-bytes')) || Infinity;
	var busy = false;

	function say(text) {
		if (status) status.textContent = text;
	}
	function progress(done, total) {
		var percent = Math.floor((100 * done) / total);
		if (bar) {
			bar.classList.remove('hidden');
			bar.value = percent;
		}
		say((form.getAttribute('data-msg-uploading') || '{percent}%').replace('{percent}', String(percent)));
	}
	function b64(text) {
		return btoa(unescape(encodeURIComponent(text)));
	}
	function wait(ms) {
		return new Promise(function (resolve) {
			setTimeout(resolve, ms);
		});
	}
	function headers(extra) {
		var h = { 'Tus-Resumable': '1.0.0' };
		for (var k in extra) h[k] = extra[k];
		return h;
	}
	/** A refusal the server explained (size, kind, duration): shown as it is, not retried. */
	function Refusal(message) {
		this.message = message;
	}

	async function refusal(response) {
		var text = await response.text();
		return new Refusal(text || form.getAttribute('data-msg-failed'));
	}

	async function locate(file, key) {
		var known = localStorage.getItem(key);
		if (known) {
			var head = await fetch(known, { method: 'HEAD', headers: headers({}), credentials: 'same-origin' });
			if (head.ok) return { url: known, offset: Number(head.headers.get('Upload-Offset')) || 0 };
			localStorage.removeItem(key);
		}
		var created = await fetch(endpoint, {
			method: 'POST',
			credentials: 'same-origin',
			headers: headers({ 'Upload-Length': String(file.size), 'Upload-Metadata': 'contestId ' + b64(contestId) + ',filename ' + b64(file.name) + ',filetype ' + b64(file.type || '') })
		});
		if (created.status !== 201) throw await refusal(created);
		var url = created.headers.get('Location');
		localStorage.setItem(key, url);
		return { url: url, offset: 0 };
	}

	async function upload(file) {
		var key = 'learnweek-tus:' + contestId + ':' + file.name + ':' + file.size + ':' + file.lastModified;
		var target = await locate(file, key);
		var offset = target.offset;
		var failures = 0;
		progress(offset, file.size);
		while (offset < file.size) {
			try {
				var response = await fetch(target.url, {
					method: 'PATCH',
					credentials: 'same-origin',
					headers: headers({ 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': String(offset) }),
					body: file.slice(offset, offset + chunk)
				});
				if (response.status === 409) {
					offset = Number(response.headers.get('Upload-Offset')) || offset;
					continue;
				}
				if (response.status >= 400 && response.status < 500) {
					localStorage.removeItem(key);
					throw await refusal(response);
				}
				if (!response.ok) throw new Error('HTTP ' + response.status);
				offset = Number(response.headers.get('Upload-Offset'));
				failures = 0;
				progress(offset, file.size);
			} catch (e) {
				if (e instanceof Refusal) throw e;
				// A lost connection: wait, ask the server how much it has, and go on from there.
				failures++;
				if (failures > 8) throw new Refusal(form.getAttribute('data-msg-failed'));
				say(form.getAttribute('data-msg-retrying'));
				await wait(Math.min(30000, 1000 * Math.pow(2, failures - 1)));
				try {
					var head = await fetch(target.url, { method: 'HEAD', headers: headers({}), credentials: 'same-origin' });
					if (head.ok) offset = Number(head.headers.get('Upload-Offset')) || 0;
				} catch (ignored) {
					/* still offline: the next try waits longer */
				}
			}
		}
		localStorage.removeItem(key);
		return target.url.split('/').pop();
	}

	form.addEventListener('submit', function (event) {
		var file = input && input.files && input.files[0];
		if (!file || hidden.value) return;
		event.preventDefault();
		if (busy) return;
		if (file.size > maxBytes) {
			say(form.getAttribute('data-msg-too-large'));
			return;
		}
		busy = true;
		upload(file).then(
			function (id) {
				hidden.value = id;
				// The file is on the server: the form posts only its id.
				input.disabled = true;
				form.submit();
			},
			function (e) {
				busy = false;
				say(e && e.message ? e.message : form.getAttribute('data-msg-failed'));
			}
		);
	});
})();
