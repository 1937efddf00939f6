//! Component tests in headless Chromium (wasm-bindgen-test): mount, flush, read the DOM.
#![cfg(target_arch = "wasm32")]

use criteria_builder::domain::i18n::Language;
use criteria_builder::mount;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_root() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

fn text(root: &web_sys::Element) -> String {
    root.text_content().unwrap_or_default()
}

fn click(root: &web_sys::Element, selector: &str) {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element {selector}"))
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
}

async fn flush() {
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn the_first_step_offers_every_category_with_nothing_ticked() {
    let root = fresh_root();
    let _handle = mount(root.clone(), JsValue::UNDEFINED).unwrap();
    flush().await;
    assert!(text(&root).contains("Step 1 of 5"));
    assert!(text(&root).contains("What are you buying?"));
    assert_eq!(
        root.query_selector_all("input[type=checkbox]")
            .unwrap()
            .length() as usize,
        criteria_builder::domain::embedded::catalog(criteria_builder::domain::i18n::Language::En)
            .unwrap()
            .categories
            .len()
    );
    assert_eq!(
        root.query_selector_all("input:checked").unwrap().length(),
        0
    );
    assert!(
        root.query_selector("fieldset legend h2").unwrap().is_some(),
        "the legend is the heading"
    );
}

#[wasm_bindgen_test]
async fn continue_without_an_answer_shows_a_linked_error_summary() {
    let root = fresh_root();
    let _handle = mount(root.clone(), JsValue::UNDEFINED).unwrap();
    flush().await;
    click(&root, "button[type=submit]");
    flush().await;
    let summary = root
        .query_selector(".ecb-error-summary")
        .unwrap()
        .expect("an error summary");
    assert!(text(&summary).contains("Select at least one product category"));
    let link = summary.query_selector("a").unwrap().unwrap();
    let target = link.get_attribute("href").unwrap();
    assert!(
        root.query_selector(&target).unwrap().is_some(),
        "the link points at a field"
    );
    assert!(text(&root).contains("Step 1 of 5"));
}

#[wasm_bindgen_test]
async fn a_host_selection_opens_the_review_with_numbered_criteria() {
    let root = fresh_root();
    let handle = mount(
        root.clone(),
        options(r#"{"selection": "v=1&c=ev-batteries&r=battery-minerals&l=spearhead&s=selection,specifications,award,contract&p=10"}"#),
    )
    .unwrap();
    flush().await;
    let page = text(&root);
    assert!(page.contains("Step 5 of 5"), "{page}");
    assert!(page.contains("Lot 1: Electric vehicles and traction batteries"));
    assert!(page.contains("AC1."));
    assert!(page.contains("Text hash"));
    // Made before catalogue versions were recorded: the widget says what changed since, and the
    // selection is recorded with the current version from now on.
    assert!(page.contains("saved with an earlier catalogue"), "{page}");
    assert!(page.contains("taking back used equipment"), "{page}");
    let version = criteria_builder::domain::embedded::catalog(Language::En)
        .unwrap()
        .meta
        .version;
    assert_eq!(
        handle.selection().unwrap(),
        format!("v=1&cv={version}&c=ev-batteries&r=battery-minerals&l=spearhead&s=selection,specifications,award,contract&p=10")
    );
}

#[wasm_bindgen_test]
async fn dropping_a_criterion_moves_it_to_the_restore_list() {
    let root = fresh_root();
    let handle = mount(
        root.clone(),
        // Two clauses and the breach clause: dropping one leaves the breach clause in place.
        options(r#"{"selection": "v=1&c=itad-services&r=end-of-life&l=advanced&s=contract"}"#),
    )
    .unwrap();
    flush().await;
    let drops = root.query_selector_all(".ecb-drop").unwrap().length();
    assert!(drops > 0);
    click(&root, ".ecb-drop");
    flush().await;
    assert_eq!(
        root.query_selector_all(".ecb-drop").unwrap().length(),
        drops - 1
    );
    assert!(text(&root).contains("Dropped criteria"));
    assert!(handle.selection().unwrap().contains("&x=itad-services/"));
    click(&root, ".ecb-dropped button");
    flush().await;
    assert_eq!(
        root.query_selector_all(".ecb-drop").unwrap().length(),
        drops
    );
}

#[wasm_bindgen_test]
async fn typed_markup_is_shown_as_text() {
    let root = fresh_root();
    let _handle = mount(
        root.clone(),
        options(r#"{"selection": "v=1&c=laptops-desktops&r=forced-labour&l=basic&s=contract&a=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"}"#),
    )
    .unwrap();
    flush().await;
    assert!(root.query_selector(".ecb-document img").unwrap().is_none());
    assert!(text(&root).contains("<img src=x onerror=alert(1)>"));
}

#[wasm_bindgen_test]
async fn two_widgets_share_no_state() {
    let (a, b) = (fresh_root(), fresh_root());
    let handle_a = mount(a.clone(), JsValue::UNDEFINED).unwrap();
    let handle_b = mount(b.clone(), JsValue::UNDEFINED).unwrap();
    flush().await;
    click(&a, "input[type=checkbox]");
    flush().await;
    // The category, and nothing in the other widget (a lot's scope radios start at "no").
    let ticked = "input[type=checkbox]:checked";
    assert_eq!(a.query_selector_all(ticked).unwrap().length(), 1);
    assert_eq!(b.query_selector_all("input:checked").unwrap().length(), 0);
    assert_ne!(handle_a.selection(), handle_b.selection());
}

#[wasm_bindgen_test]
fn invalid_options_are_rejected_naming_the_field() {
    let message = |json: &str| -> String {
        let err = mount(fresh_root(), options(json))
            .err()
            .unwrap_or_else(|| panic!("accepted {json}"));
        js_sys::Error::from(JsValue::from(err)).message().into()
    };
    assert_eq!(
        message(r#"{"theme": "pink"}"#),
        "invalid option `theme`: expected one of \"auto\", \"light\", \"dark\", got \"pink\""
    );
    assert!(message(r#"{"language": 3}"#).starts_with("invalid option `language`"));
    assert!(message(r#"{"colour": "red"}"#).starts_with(
        "unknown option `colour` (known: language, selection, theme, syncUrl, storageKey, eventText, catalogUrl, accessibilityStatement, overlay)"
    ));
    assert!(message(r#"{"storageKey": "a b"}"#).starts_with("invalid option `storageKey`"));
    assert_eq!(
        message(r#"{"eventText": "yes"}"#),
        "invalid option `eventText`: expected true or false, got a string"
    );
}

/// Host options are outside input: any JavaScript value gives a widget or an error naming what is
/// wrong, never a panic. Deterministic pseudo-random values (a small LCG, so the run repeats).
#[wasm_bindgen_test]
async fn any_host_value_gives_a_widget_or_an_error_naming_it() {
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self, n: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) % n
        }
    }
    fn value(rng: &mut Lcg, depth: u32) -> JsValue {
        let strings = [
            "en",
            "dark",
            "light",
            "auto",
            "v=1&c=monitors",
            "ok-key",
            "",
            "\u{202e}<b>",
            "x y",
        ];
        match rng.next(if depth > 2 { 7 } else { 9 }) {
            0 => JsValue::UNDEFINED,
            1 => JsValue::NULL,
            2 => JsValue::from_bool(rng.next(2) == 0),
            3 => JsValue::from_f64([f64::NAN, -0.0, 1e308, 42.0, -1.0][rng.next(5) as usize]),
            4 | 5 => JsValue::from_str(strings[rng.next(strings.len() as u64) as usize]),
            6 => JsValue::from_str(&"\u{0}é".repeat(rng.next(2000) as usize)),
            7 => {
                let array = js_sys::Array::new();
                for _ in 0..rng.next(4) {
                    array.push(&value(rng, depth + 1));
                }
                array.into()
            }
            _ => {
                let object = js_sys::Object::new();
                let keys = [
                    "language",
                    "selection",
                    "theme",
                    "syncUrl",
                    "storageKey",
                    "colour",
                    "__proto__x",
                    "",
                ];
                for _ in 0..rng.next(5) {
                    let key = keys[rng.next(keys.len() as u64) as usize];
                    let _ = js_sys::Reflect::set(&object, &key.into(), &value(rng, depth + 1));
                }
                object.into()
            }
        }
    }
    let mut rng = Lcg(2026);
    let (mut mounted, mut refused) = (0, 0);
    for _ in 0..400 {
        let options = value(&mut rng, 0);
        match mount(fresh_root(), options) {
            Ok(mut handle) => {
                mounted += 1;
                handle.destroy();
            }
            Err(err) => {
                refused += 1;
                let message: String = js_sys::Error::from(JsValue::from(err)).message().into();
                assert!(
                    message.starts_with("invalid option") || message.starts_with("unknown option"),
                    "{message}"
                );
            }
        }
    }
    flush().await;
    // Both outcomes were exercised.
    assert!(
        mounted > 20 && refused > 20,
        "mounted {mounted}, refused {refused}"
    );
}

#[wasm_bindgen_test]
async fn destroy_empties_the_element() {
    let root = fresh_root();
    let mut handle = mount(root.clone(), JsValue::UNDEFINED).unwrap();
    flush().await;
    assert!(!text(&root).is_empty());
    handle.destroy();
    flush().await;
    assert_eq!(root.child_element_count(), 0);
    handle.destroy();
}
