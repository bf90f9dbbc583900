"""Regenerate sample.ftm.jsonl (run from the repository root: python examples/sanctions/make_sample.py)."""
import json

from followthemoney import model

EU_BY = "EU restrictive measures in respect of Belarus (Council Regulation (EC) No 765/2006)"
EU_RU = ("EU restrictive measures in respect of actions undermining the territorial integrity of Ukraine "
         "(Council Regulation (EU) No 269/2014)")
EU = "Council of the European Union"
OFAC = "US Treasury, Office of Foreign Assets Control (OFAC)"
US_BY = "OFAC SDN list, Belarus-related designations"
US_RU = "OFAC SDN list, Russia-related designations"
DECOY_AUTH = "Fictional authority (supplytrace test decoy)"
DECOY_PROG = "FICTIONAL decoy listing for tests: not a real designation"
SAMPLE_NOTE = "Illustrative sample data written by the supplytrace project; not for compliance use."

out = []

def party(id, schema, names, country, notes=SAMPLE_NOTE, topics=("sanction",), **props):
    e = model.make_entity(schema)
    e.id = id
    e.add("name", names[0])
    e.add("alias", names[1:])
    e.add("country", country)
    e.add("topics", list(topics))
    e.add("notes", notes)
    for k, v in props.items():
        e.add(k, v)
    d = e.to_dict()
    d["datasets"] = ["supplytrace_sample"]
    out.append(d)
    return e


def sanction(id, party_id, authority, program, country=None, start=None):
    s = model.make_entity("Sanction")
    s.id = id
    s.add("entity", party_id)
    s.add("authority", authority)
    s.add("program", program)
    s.add("country", country)
    s.add("startDate", start)
    d = s.to_dict()
    d["datasets"] = ["supplytrace_sample"]
    out.append(d)


# --- real, public listings (described generally; dates only where certain) ---
party("st-by-lukashenka", "Person",
      ["Aliaksandr Ryhoravich LUKASHENKA", "Александр Григорьевич Лукашенко", "Аляксандр Рыгоравіч Лукашэнка",
       "Alexander Grigoryevich Lukashenko"], "by", birthDate="1954-08-30", gender="male",
      position="President of Belarus")
sanction("st-sanc-lukashenka-eu", "st-by-lukashenka", EU, EU_BY, "eu", "2020-11-06")
sanction("st-sanc-lukashenka-us", "st-by-lukashenka", OFAC, US_BY, "us", "2006")

party("st-ru-putin", "Person",
      ["Vladimir Vladimirovich PUTIN", "Владимир Владимирович Путин"], "ru", birthDate="1952-10-07",
      gender="male", position="President of the Russian Federation")
sanction("st-sanc-putin-eu", "st-ru-putin", EU, EU_RU, "eu", "2022-02-25")
sanction("st-sanc-putin-us", "st-ru-putin", OFAC, US_RU, "us", "2022")

party("st-by-integral", "Company",
      ["ОАО «ИНТЕГРАЛ» – управляющая компания холдинга «ИНТЕГРАЛ»", "ОАО «ИНТЕГРАЛ»",
       "JSC INTEGRAL – managing company of holding INTEGRAL", "ААТ «Інтэграл»"], "by",
      address="Minsk, Belarus", sector="microelectronics")
sanction("st-sanc-integral-eu", "st-by-integral", EU, EU_RU, "eu", "2025-02-24")
sanction("st-sanc-integral-us", "st-by-integral", OFAC, US_RU, "us", "2022")
sanction("st-sanc-integral-gb", "st-by-integral", "UK Foreign, Commonwealth and Development Office",
         "UK sanctions regime relating to Russia", "gb", "2022")

party("st-by-mzkt", "Company",
      ["ОАО «Минский завод колёсных тягачей»", "Minsk Wheel Tractor Plant OJSC", "MZKT", "ОАО «МЗКТ»", "VOLAT"],
      "by", address="Minsk, Belarus", sector="military vehicles and chassis")
sanction("st-sanc-mzkt-eu", "st-by-mzkt", EU, EU_BY, "eu", "2020-12")

party("st-by-belaz", "Company",
      ["ОАО «БЕЛАЗ» – управляющая компания холдинга «БЕЛАЗ-ХОЛДИНГ»",
       "OJSC BELAZ – management company of holding BELAZ-HOLDING", "BelAZ"], "by",
      address="Zhodino, Belarus")
sanction("st-sanc-belaz-eu", "st-by-belaz", EU, EU_BY, "eu", "2021-06-21")

party("st-by-maz", "Company",
      ["ОАО «Минский автомобильный завод» – управляющая компания холдинга «БЕЛАВТОМАЗ»",
       "OJSC Minsk Automobile Plant (MAZ)", "ОАО «МАЗ»"], "by", address="Minsk, Belarus")
sanction("st-sanc-maz-eu", "st-by-maz", EU, EU_BY, "eu", "2021-06-21")

party("st-by-legmash", "Company",
      ["ОАО «Легмаш»"], "by", address="Orsha, Belarus",
      sector="metalworking")
sanction("st-sanc-legmash-eu", "st-by-legmash", EU, EU_BY, "eu", "2025-07")

party("st-by-belomo", "Company",
      ["Холдинг «БелОМО»", "Belarusian Optical and Mechanical Association (BelOMO) holding"], "by",
      address="Minsk, Belarus", sector="optics")
sanction("st-sanc-belomo-eu", "st-by-belomo", EU, EU_BY, "eu", "2025-07")

# --- FICTIONAL decoys with near names: must never be reported as our entities ---
D = "FICTIONAL decoy entity for supplytrace tests; any resemblance to a real company or person is unintended."
for pid, schema, names, country, extra in [
    ("st-decoy-integral-systems", "Company", ["Integral Systems Trading Ltd"], "gb", {}),
    ("st-decoy-planar-display", "Company", ["Planar Display Systems Inc"], "us", {}),
    ("st-decoy-maz-logistics", "Company", ["MAZ Logistics GmbH"], "de", {}),
    ("st-decoy-legmash-trading", "Company", ["Legmash Trading LLP", "ТОО «Легмаш Трейдинг»"], "kz", {}),
    ("st-decoy-lukashov", "Person", ["Alexei Lukashov", "Алексей Лукашов"], "ru", {"birthDate": "1979-03-14"}),
    ("st-decoy-zenith-optics", "Company", ["Zenith Belomorsk Optics OOO", "ООО «Зенит Беломорск Оптика»"], "ru", {}),
]:
    party(pid, schema, names, country, notes=D, **extra)
    sanction(pid.replace("st-decoy", "st-sanc-decoy"), pid, DECOY_AUTH, DECOY_PROG)

with open("examples/sanctions/sample.ftm.jsonl", "w", encoding="utf-8") as fh:
    for d in out:
        fh.write(json.dumps(d, ensure_ascii=False, sort_keys=True) + "\n")
print(len(out))
