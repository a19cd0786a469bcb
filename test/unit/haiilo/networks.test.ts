import type { IDataObject } from 'n8n-workflow';

import { KNOWN_NETWORKS, NetworkClassifier, NetworkCounter, networkOptions, networkTargets } from '../../../nodes/HaiiloShare/networks';

const all = new NetworkClassifier([]);
const keywordNetworks = (share: IDataObject) => {
	const result = all.classify(share);
	expect(result.method).toBe('keyword');
	return result.networks;
};

describe('Haiilo Share networks', () => {
	it('offers the known networks sorted by name, Instagram among them', () => {
		const names = networkOptions.map((option) => option.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(networkOptions).toContainEqual({ name: 'Instagram', value: 'instagram' });
		expect(KNOWN_NETWORKS.map((network) => network.value)).toEqual(['facebook', 'instagram', 'linkedin', 'wechat', 'twitter', 'xing']);
	});

	it('merges chosen and typed networks, known ones by any spelling, without duplicates', () => {
		const targets = networkTargets(['instagram', 'linkedin'], ['IG', ' Weibo ', 'weibo', '', 'Twitter']);
		expect(targets.map((target) => target.name)).toEqual(['Instagram', 'LinkedIn', 'Weibo', 'X (Twitter)']);
	});

	describe('keyword fallback (the seed method)', () => {
		it.each([
			[{ text: 'Share to > Instagram' }, ['Instagram']],
			[{ url: 'https://www.instagram.com/p/abc' }, ['Instagram']],
			[{ target: 'shareToInstagram' }, ['Instagram']],
			[{ target: 'INSTAGRAM' }, ['Instagram']],
			[{ target: 'InstagramStory' }, ['Instagram']],
			[{ text: 'instagramfeed' }, []],
			[{ text: 'Fixing the mixing desk' }, []],
			[{ text: 'XING profile' }, ['XING']],
			[{ url: 'https://netflix.com' }, []],
			[{ url: 'https://x.com/acme' }, ['X (Twitter)']],
			[{ nested: { deeper: ['on LinkedIn'] } }, ['LinkedIn']],
			[{ text: 'Instagram, Instagram and Instagram' }, ['Instagram']],
			[{ instagram: true }, ['Instagram']],
			[{ instagram: false, Instagram_url: null }, []],
			[{ instagramUrl: null }, []],
		])('%j -> %j', (share, networks) => {
			expect(keywordNetworks(share)).toEqual(networks);
		});

		it('searches typed networks by their name', () => {
			const classifier = new NetworkClassifier(networkTargets([], ['Mastodon']));
			expect(classifier.classify({ text: 'tooted on mastodon.social' })).toEqual({ method: 'keyword', networks: ['Mastodon'] });
			expect(classifier.classify({ text: 'Instagram' })).toEqual({ method: 'keyword', networks: [] });
		});
	});

	describe('network field', () => {
		it('maps spellings to the known names and keeps unknown ones as written', () => {
			expect(all.classify({ network: 'LINKEDIN' })).toEqual({ method: 'field', networks: ['LinkedIn'] });
			expect(all.classify({ network: 'x' })).toEqual({ method: 'field', networks: ['X (Twitter)'] });
			expect(all.classify({ network: ' Weibo ' })).toEqual({ method: 'field', networks: ['Weibo'] });
			expect(all.classify({ networks: ['Instagram', 'instagram', 'Facebook'] })).toEqual({
				method: 'field',
				networks: ['Instagram', 'Facebook'],
			});
		});

		it('trusts a channel field only when it names a network (channels are also content categories)', () => {
			expect(all.classify({ channel: 'Instagram' })).toEqual({ method: 'field', networks: ['Instagram'] });
			expect(all.classify({ channelName: 'Company News', text: 'LinkedIn post' })).toEqual({
				method: 'keyword',
				networks: ['LinkedIn'],
			});
			const withWeibo = new NetworkClassifier(networkTargets([], ['Weibo']));
			expect(withWeibo.classify({ channel: 'weibo' })).toEqual({ method: 'field', networks: ['Weibo'] });
		});

		it('prefers a network field to the text, even when the text names another network', () => {
			expect(all.classify({ network: 'LinkedIn', text: 'also on Instagram' })).toEqual({ method: 'field', networks: ['LinkedIn'] });
		});

		it('with chosen networks, reports only those', () => {
			const classifier = new NetworkClassifier(networkTargets(['instagram'], []));
			expect(classifier.classify({ network: 'LinkedIn' })).toEqual({ method: 'field', networks: [] });
			expect(classifier.matches({ network: 'LinkedIn' })).toBe(false);
			expect(classifier.matches({ network: 'IG' })).toBe(true);
			expect(new NetworkClassifier([]).matches({ anything: 1 })).toBe(true);
		});
	});

	describe('counter', () => {
		it('keeps totals only, sorts by count then name, and flags the method per network', () => {
			const counter = new NetworkCounter(all);
			for (const share of [
				{ network: 'LinkedIn' },
				{ network: 'Facebook' },
				{ network: 'facebook' },
				{ text: 'via Facebook' },
				{ text: 'nothing' },
				{ network: 'Bluesky' },
			]) {
				counter.add(share);
			}
			expect(counter.rows('a', null)).toEqual([
				{ network: 'Facebook', shares: 3, from: 'a', to: null, method: 'field+keyword' },
				{ network: '(unknown)', shares: 1, from: 'a', to: null, method: 'keyword' },
				{ network: 'Bluesky', shares: 1, from: 'a', to: null, method: 'field' },
				{ network: 'LinkedIn', shares: 1, from: 'a', to: null, method: 'field' },
			]);
		});

		it('lists every chosen network, with 0 when none was found', () => {
			const counter = new NetworkCounter(new NetworkClassifier(networkTargets(['instagram', 'xing'], [])));
			counter.add({ text: 'XING' });
			counter.add({ text: 'nothing' });
			expect(counter.rows(null, null)).toEqual([
				{ network: 'XING', shares: 1, from: null, to: null, method: 'keyword' },
				{ network: 'Instagram', shares: 0, from: null, to: null, method: 'keyword' },
			]);
		});
	});
});
