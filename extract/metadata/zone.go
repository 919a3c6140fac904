package metadata

import (
	"net/url"
	"strings"
	"sync"
	"time"
)

// countryZones maps a country-code top-level domain to the IANA zone of a
// country that keeps one civil time. Countries spanning several zones
// (us, ca, au, br, ru, mx, id, cl, ...) are absent on purpose: guessing one
// of their zones would print a wrong offset with confidence.
var countryZones = map[string]string{
	"kr": "Asia/Seoul", "jp": "Asia/Tokyo", "cn": "Asia/Shanghai", "tw": "Asia/Taipei",
	"hk": "Asia/Hong_Kong", "mo": "Asia/Macau", "sg": "Asia/Singapore", "my": "Asia/Kuala_Lumpur",
	"th": "Asia/Bangkok", "vn": "Asia/Ho_Chi_Minh", "ph": "Asia/Manila", "in": "Asia/Kolkata",
	"pk": "Asia/Karachi", "bd": "Asia/Dhaka", "lk": "Asia/Colombo", "np": "Asia/Kathmandu",
	"ae": "Asia/Dubai", "sa": "Asia/Riyadh", "qa": "Asia/Qatar", "kw": "Asia/Kuwait",
	"bh": "Asia/Bahrain", "om": "Asia/Muscat", "jo": "Asia/Amman", "lb": "Asia/Beirut",
	"il": "Asia/Jerusalem", "ir": "Asia/Tehran", "iq": "Asia/Baghdad", "tr": "Europe/Istanbul",
	"uk": "Europe/London", "gb": "Europe/London", "ie": "Europe/Dublin", "de": "Europe/Berlin",
	"fr": "Europe/Paris", "it": "Europe/Rome", "es": "Europe/Madrid", "pt": "Europe/Lisbon",
	"nl": "Europe/Amsterdam", "be": "Europe/Brussels", "lu": "Europe/Luxembourg",
	"ch": "Europe/Zurich", "at": "Europe/Vienna", "li": "Europe/Vaduz", "pl": "Europe/Warsaw",
	"cz": "Europe/Prague", "sk": "Europe/Bratislava", "hu": "Europe/Budapest",
	"si": "Europe/Ljubljana", "hr": "Europe/Zagreb", "rs": "Europe/Belgrade", "ba": "Europe/Sarajevo",
	"ro": "Europe/Bucharest", "bg": "Europe/Sofia", "gr": "Europe/Athens", "cy": "Asia/Nicosia",
	"mt": "Europe/Malta", "dk": "Europe/Copenhagen", "se": "Europe/Stockholm", "no": "Europe/Oslo",
	"fi": "Europe/Helsinki", "is": "Atlantic/Reykjavik", "ee": "Europe/Tallinn", "lv": "Europe/Riga",
	"lt": "Europe/Vilnius", "ua": "Europe/Kiev", "by": "Europe/Minsk", "md": "Europe/Chisinau",
	"eg": "Africa/Cairo", "za": "Africa/Johannesburg", "ng": "Africa/Lagos", "ke": "Africa/Nairobi",
	"gh": "Africa/Accra", "ma": "Africa/Casablanca", "tn": "Africa/Tunis", "nz": "Pacific/Auckland",
	"ar": "America/Argentina/Buenos_Aires", "co": "America/Bogota", "pe": "America/Lima",
	"ve": "America/Caracas", "uy": "America/Montevideo", "py": "America/Asuncion",
	"bo": "America/La_Paz", "cr": "America/Costa_Rica", "pa": "America/Panama",
	"gt": "America/Guatemala", "cu": "America/Havana", "do": "America/Santo_Domingo",
	"pr": "America/Puerto_Rico", "jm": "America/Jamaica",
}

// loadedZones loads countryZones once, on first use; zones the system's
// tz database lacks are left out. The map is never written after loading.
var loadedZones = sync.OnceValue(func() map[string]*time.Location {
	m := make(map[string]*time.Location, len(countryZones))
	for cc, name := range countryZones {
		if loc, err := time.LoadLocation(name); err == nil {
			m[cc] = loc
		}
	}
	return m
})

// hostZone returns the zone of host's country-code domain, or nil for a
// generic domain (.com), an IP address, or a country with several zones.
func hostZone(host string) *time.Location {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	i := strings.LastIndexByte(host, '.')
	if i < 0 {
		return nil
	}
	return loadedZones()[host[i+1:]]
}

// siteZone is the zone given to times printed without one: the caller's,
// else that of the page's country-code domain, else nil (unzoned).
func siteZone(opts Options) *time.Location {
	if opts.Timezone != nil {
		return opts.Timezone
	}
	return urlZone(opts.URL)
}

func urlZone(u *url.URL) *time.Location {
	if u == nil {
		return nil
	}
	return hostZone(u.Hostname())
}
