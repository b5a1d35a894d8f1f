// The world as a wholesale rate deck sees it: countries with their dialling
// codes, city area codes, mobile number ranges and operators, and typical
// per-minute termination costs in USD. Data only; the example decks and the
// benchmark generator turn it into prefixes. Rates are plausible, not quotes.

export interface Country {
  name: string;
  /** Country calling code. */
  cc: string;
  /** City name -> area code after the country code. */
  cities: [string, string][];
  /** Mobile ranges after the country code. */
  mobile: string[];
  /** How many digits a mobile range is split into below its root (1 or 2). */
  depth: 1 | 2;
  operators: string[];
  fixedUsd: number;
  mobileUsd: number;
  /** A prefix (after the country code) covering every mobile range, when the plan has one. */
  mobileAll?: string;
}

/** `c('Germany', '49', 'Berlin 30|Hamburg 40', '151 152', 1, 'T-Mobile|O2', 0.0045, 0.018)` */
function c(
  name: string, cc: string, cities: string, mobile: string, depth: 1 | 2,
  operators: string, fixedUsd: number, mobileUsd: number, mobileAll?: string,
): Country {
  const cityList = cities === '' ? [] : cities.split('|').map((s): [string, string] => {
    const at = s.lastIndexOf(' ');
    return [s.slice(0, at), s.slice(at + 1)];
  });
  return { name, cc, cities: cityList, mobile: mobile.split(' '), depth, operators: operators.split('|'), fixedUsd, mobileUsd,
    ...(mobileAll ? { mobileAll } : {}) };
}

export const COUNTRIES: readonly Country[] = [
  c('United Kingdom', '44', 'London 20|Birmingham 121|Manchester 161|Leeds 113|Glasgow 141|Edinburgh 131|Bristol 117|Liverpool 151|Sheffield 114|Belfast 2890',
    '71 72 73 74 75 77 78 79', 1, 'Vodafone|EE|O2|Three', 0.0028, 0.0095, '7'),
  c('Germany', '49', 'Berlin 30|Hamburg 40|Munich 89|Frankfurt 69|Cologne 221|Stuttgart 711|Dusseldorf 211',
    '151 152 157 159 160 162 163 170 171 172 173 174 175 176 177 178 179', 1, 'Telekom|Vodafone|O2', 0.0045, 0.018),
  c('France', '33', 'Paris 1|Northwest 2|Northeast 3|Southeast 4|Southwest 5|VoIP 9', '6 7', 2, 'Orange|SFR|Bouygues|Free', 0.004, 0.015),
  c('Spain', '34', 'Madrid 91|Barcelona 93|Valencia 96|Seville 95', '6 7', 2, 'Movistar|Vodafone|Orange', 0.0035, 0.011),
  c('Italy', '39', 'Rome 06|Milan 02|Naples 081|Turin 011', '3', 2, 'TIM|Vodafone|WindTre|Iliad', 0.005, 0.016),
  c('Netherlands', '31', 'Amsterdam 20|Rotterdam 10|The Hague 70', '6', 2, 'KPN|VodafoneZiggo|Odido', 0.006, 0.035),
  c('Belgium', '32', 'Brussels 2|Antwerp 3', '46 47 48 49', 1, 'Proximus|Orange|Telenet', 0.007, 0.03),
  c('Switzerland', '41', 'Zurich 44|Geneva 22|Basel 61', '76 77 78 79', 1, 'Swisscom|Sunrise|Salt', 0.009, 0.06),
  c('Austria', '43', 'Vienna 1', '650 660 664 676 680 681 688 699', 1, 'A1|Magenta|Drei', 0.008, 0.025),
  c('Sweden', '46', 'Stockholm 8|Gothenburg 31', '70 72 73 76 79', 1, 'Telia|Tele2|Telenor|Tre', 0.004, 0.013),
  c('Norway', '47', 'Oslo 22', '4 9', 2, 'Telenor|Telia', 0.005, 0.016),
  c('Poland', '48', 'Warsaw 22|Krakow 12', '50 51 53 57 60 66 69 72 73 78 79 88', 1, 'Orange|Play|Plus|T-Mobile', 0.006, 0.009),
  c('Portugal', '351', 'Lisbon 21|Porto 22', '91 92 93 96', 1, 'MEO|NOS|Vodafone', 0.005, 0.02),
  c('Ireland', '353', 'Dublin 1', '83 85 86 87 89', 1, 'Vodafone|Three|Eir', 0.0045, 0.018),
  c('Greece', '30', 'Athens 21', '69', 2, 'Cosmote|Vodafone|Nova', 0.006, 0.02),
  c('Turkey', '90', 'Istanbul Europe 212|Istanbul Asia 216|Ankara 312', '50 53 54 55', 2, 'Turkcell|Vodafone|Turk Telekom', 0.03, 0.06),
  c('Russia', '7', 'Moscow 495|Moscow 499|St Petersburg 812', '9', 2, 'MTS|Beeline|MegaFon|Tele2', 0.015, 0.04),
  c('India', '91', 'Delhi 11|Mumbai 22|Bangalore 80|Chennai 44|Kolkata 33|Hyderabad 40', '6 7 8 9', 2, 'Airtel|Jio|Vi|BSNL', 0.008, 0.0085),
  c('Pakistan', '92', 'Karachi 21|Lahore 42|Islamabad 51', '30 31 32 33 34', 1, 'Jazz|Telenor|Zong|Ufone', 0.04, 0.045),
  c('Bangladesh', '880', 'Dhaka 2', '13 14 15 16 17 18 19', 1, 'Grameenphone|Robi|Banglalink|Teletalk', 0.012, 0.012),
  c('China', '86', 'Beijing 10|Shanghai 21|Guangzhou 20|Shenzhen 755', '13 15 17 18 19', 2, 'China Mobile|China Unicom|China Telecom', 0.005, 0.005),
  c('Japan', '81', 'Tokyo 3|Osaka 6', '70 80 90', 2, 'NTT Docomo|KDDI|SoftBank|Rakuten', 0.015, 0.06),
  c('South Korea', '82', 'Seoul 2', '10', 2, 'SK Telecom|KT|LG U+', 0.01, 0.025),
  c('Singapore', '65', 'Fixed 6', '8 9', 2, 'Singtel|StarHub|M1', 0.005, 0.006),
  c('Malaysia', '60', 'Kuala Lumpur 3', '11 12 13 14 16 17 18 19', 1, 'Maxis|CelcomDigi|U Mobile', 0.008, 0.015),
  c('Indonesia', '62', 'Jakarta 21', '811 812 813 821 822 852 853 857 858 878 881 895', 1, 'Telkomsel|Indosat|XL Axiata', 0.03, 0.045),
  c('Philippines', '63', 'Manila 2', '9', 2, 'Globe|Smart|DITO', 0.05, 0.12),
  c('Thailand', '66', 'Bangkok 2', '6 8 9', 1, 'AIS|True|dtac', 0.015, 0.015),
  c('Vietnam', '84', 'Hanoi 24|Ho Chi Minh City 28', '3 7 8 9', 1, 'Viettel|Vinaphone|MobiFone', 0.04, 0.05),
  c('Australia', '61', 'Sydney 2|Melbourne 3|Brisbane 7|Perth 8', '4', 2, 'Telstra|Optus|Vodafone', 0.008, 0.025),
  c('New Zealand', '64', 'Auckland 9|Wellington 4', '21 22 27', 1, 'One NZ|Spark|2degrees', 0.012, 0.04),
  c('United Arab Emirates', '971', 'Dubai 4|Abu Dhabi 2', '50 52 54 55 56 58', 1, 'Etisalat|du', 0.11, 0.13),
  c('Saudi Arabia', '966', 'Riyadh 11|Jeddah 12', '50 53 54 55 56 58 59', 1, 'STC|Mobily|Zain', 0.07, 0.1),
  c('Israel', '972', 'Tel Aviv 3|Jerusalem 2', '50 52 53 54 55 58', 1, 'Partner|Cellcom|Pelephone|HOT Mobile', 0.01, 0.02),
  c('Egypt', '20', 'Cairo 2|Alexandria 3', '10 11 12 15', 1, 'Vodafone|Orange|Etisalat|WE', 0.06, 0.07),
  c('South Africa', '27', 'Johannesburg 11|Cape Town 21|Durban 31', '60 61 63 71 72 73 74 76 78 79 81 82 83 84', 1, 'Vodacom|MTN|Cell C|Telkom', 0.015, 0.04),
  c('Nigeria', '234', 'Lagos 1|Abuja 9', '701 703 705 706 708 802 803 805 806 807 808 809 810 813 814 816 903 905 906', 1, 'MTN|Airtel|Glo|9mobile', 0.065, 0.07),
  c('Kenya', '254', 'Nairobi 20', '11 70 71 72 74 79', 1, 'Safaricom|Airtel', 0.03, 0.08),
  c('Ghana', '233', 'Accra 30', '20 23 24 26 27 50 54 55 59', 1, 'MTN|Telecel|AirtelTigo', 0.13, 0.14),
  c('Morocco', '212', 'Casablanca 522', '6 7', 2, 'Maroc Telecom|Orange|inwi', 0.08, 0.25),
  c('Mexico', '52', 'Mexico City 55|Guadalajara 33|Monterrey 81', '155 133 181', 1, 'Telcel|AT&T|Movistar', 0.005, 0.015),
  c('Brazil', '55', 'Sao Paulo 11|Rio de Janeiro 21|Brasilia 61', '119 219 619', 1, 'Vivo|Claro|TIM', 0.006, 0.03),
  c('Argentina', '54', 'Buenos Aires 11', '9', 2, 'Personal|Claro|Movistar', 0.01, 0.06),
  c('Colombia', '57', 'Bogota 601', '3', 2, 'Claro|Movistar|Tigo', 0.008, 0.015),
  c('Chile', '56', 'Santiago 2', '9', 2, 'Entel|Movistar|Claro|WOM', 0.01, 0.02),
  c('Peru', '51', 'Lima 1', '9', 2, 'Claro|Movistar|Entel|Bitel', 0.008, 0.03),
];

/** NANP area codes that are not the United States, with their USD cost. */
export const NANP_OTHERS: readonly [string, string, number][] = [
  ...'204 226 236 249 250 289 306 343 365 403 416 418 431 437 438 450 506 514 519 548 579 581 587 604 613 639 647 672 705 709 778 780 782 807 819 825 867 873 902 905'
    .split(' ').map((a): [string, string, number] => [a, 'Canada', 0.0045]),
  ['876', 'Jamaica', 0.19], ['809', 'Dominican Republic', 0.06], ['829', 'Dominican Republic', 0.06],
  ['868', 'Trinidad and Tobago', 0.12], ['246', 'Barbados', 0.16], ['441', 'Bermuda', 0.09],
  ['345', 'Cayman Islands', 0.14], ['242', 'Bahamas', 0.11], ['787', 'Puerto Rico', 0.012],
  ['907', 'United States - Alaska', 0.035], ['808', 'United States - Hawaii', 0.02],
];

/** Area codes that are not terminated at per-minute rates (toll free, N11, 555 directory). */
export const NANP_EXCLUDED = new Set(['800', '833', '844', '855', '866', '877', '888', '500', '555', '900', '976']);

/** Destinations with an explicit cost and a connection fee (satellite, premium). */
export const SPECIALS: readonly { prefix: string; destination: string; usd: number; feeUsd: number }[] = [
  { prefix: '870', destination: 'Inmarsat - Satellite', usd: 4.8, feeUsd: 0.5 },
  { prefix: '8816', destination: 'Iridium - Satellite', usd: 6.25, feeUsd: 0.75 },
  { prefix: '8817', destination: 'Iridium - Satellite', usd: 6.25, feeUsd: 0.75 },
  { prefix: '88213', destination: 'Thuraya - Satellite', usd: 1.9, feeUsd: 0.25 },
  { prefix: '449', destination: 'United Kingdom - Premium', usd: 0.85, feeUsd: 0.1 },
  { prefix: '4487', destination: 'United Kingdom - Non-Geographic', usd: 0.045, feeUsd: 0.01 },
  { prefix: '4470', destination: 'United Kingdom - Personal Numbering', usd: 0.32, feeUsd: 0.05 },
];
