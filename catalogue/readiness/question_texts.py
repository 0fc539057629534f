"""The readiness checklist's 44 questions, in every interface language: data only.

This is content, kept here as data rather than in the gettext catalogues: the four versions of
each text sit together so that whoever edits one sees the others. Plain words, spoken to the
producer herself (es: usted; fr: vous; vi: chị). Each question is keyed by its number (1-44);
its section comes from the number (``scoring.section_of``), and ``questions`` reads this table.

Write French with an ordinary space before ? : ; ! - ``questions`` makes it a no-break one.
"""
# One line per text, so that the four languages line up for whoever edits them.
# ruff: noqa: E501

from __future__ import annotations

from typing import Final

QUESTION_TEXTS: Final[dict[int, dict[str, str]]] = {
    1: {  # sold over 200 items
        "en": "Have you already sold more than 200 pieces of your product?",
        "es": "¿Ha vendido ya más de 200 piezas de su producto?",
        "fr": "Avez-vous déjà vendu plus de 200 pièces de votre produit ?",
        "vi": "Chị đã bán được hơn 200 sản phẩm chưa?",
    },
    2: {  # knows material costs
        "en": "Do you know how much the materials for one piece cost you?",
        "es": "¿Sabe cuánto le cuestan los materiales de una pieza?",
        "fr": "Savez-vous combien vous coûtent les matériaux pour une pièce ?",
        "vi": "Chị có biết nguyên liệu để làm một sản phẩm tốn bao nhiêu tiền không?",
    },
    3: {  # knows time per item
        "en": "Do you know how long it takes you to make one piece?",
        "es": "¿Sabe cuánto tiempo tarda en hacer una pieza?",
        "fr": "Savez-vous combien de temps il vous faut pour faire une pièce ?",
        "vi": "Chị có biết làm một sản phẩm mất bao lâu không?",
    },
    4: {  # price at least double the cost
        "en": "Is your selling price at least double what one piece costs you to make?",
        "es": "¿Su precio de venta es por lo menos el doble de lo que le cuesta hacer una pieza?",
        "fr": "Votre prix de vente est-il au moins le double de ce que vous coûte une pièce ?",
        "vi": "Giá bán của chị có gấp đôi chi phí làm ra một sản phẩm trở lên không?",
    },
    5: {  # has shipping packaging
        "en": "Do you have packaging that keeps your product safe when it is sent?",
        "es": "¿Tiene un empaque que protege su producto cuando se envía?",
        "fr": "Avez-vous un emballage qui protège votre produit pendant l'envoi ?",
        "vi": "Chị có bao bì để giữ sản phẩm an toàn khi gửi đi không?",
    },
    6: {  # knows domestic shipping cost
        "en": "Do you know how much it costs to send your product within your country?",
        "es": "¿Sabe cuánto cuesta enviar su producto dentro de su país?",
        "fr": "Savez-vous combien coûte l'envoi de votre produit dans votre pays ?",
        "vi": "Chị có biết gửi sản phẩm đi trong nước tốn bao nhiêu tiền không?",
    },
    7: {  # sells to other buyers or distributors
        "en": "Do you already sell to other buyers, shops or distributors?",
        "es": "¿Ya le vende a otros compradores, tiendas o distribuidores?",
        "fr": "Vendez-vous déjà à d'autres acheteurs, boutiques ou distributeurs ?",
        "vi": "Chị có đang bán cho người mua, cửa hàng hoặc nhà phân phối khác không?",
    },
    8: {  # understands the risk of sending goods to a distributor
        "en": "Do you understand the risk of handing your goods to a distributor before you are paid?",
        "es": "¿Entiende el riesgo de entregar su mercadería a un distribuidor antes de que le paguen?",
        "fr": "Comprenez-vous le risque de confier votre marchandise à un distributeur avant d'être payée ?",
        "vi": "Chị có hiểu rủi ro khi giao hàng cho nhà phân phối trước khi được trả tiền không?",
    },
    9: {  # has e-mail
        "en": "Do you have an e-mail address?",
        "es": "¿Tiene correo electrónico?",
        "fr": "Avez-vous une adresse courriel (e-mail) ?",
        "vi": "Chị có địa chỉ email không?",
    },
    10: {  # replies within 24 hours
        "en": "Can you answer buyers' messages within 24 hours (one day)?",
        "es": "¿Puede responder los mensajes de los compradores en menos de 24 horas (un día)?",
        "fr": "Pouvez-vous répondre aux messages des acheteurs en moins de 24 heures (un jour) ?",
        "vi": "Chị có thể trả lời tin nhắn của người mua trong vòng 24 giờ (một ngày) không?",
    },
    11: {  # has a financial adviser
        "en": "Do you have someone who advises you about money, like an accountant or an adviser?",
        "es": "¿Tiene a alguien que le aconseje sobre el dinero, como un contador o un asesor?",
        "fr": "Avez-vous quelqu'un qui vous conseille pour l'argent, comme un comptable ou un conseiller ?",
        "vi": "Chị có người tư vấn về tiền bạc, như kế toán hoặc cố vấn tài chính không?",
    },
    12: {  # checked restrictions on materials
        "en": "Have you checked whether any of your materials are forbidden or limited (for example some woods, shells, feathers or plants)?",
        "es": "¿Ha averiguado si alguno de sus materiales está prohibido o tiene restricciones (por ejemplo, algunas maderas, conchas, plumas o plantas)?",
        "fr": "Avez-vous vérifié si certains de vos matériaux sont interdits ou limités (par exemple certains bois, coquillages, plumes ou plantes) ?",
        "vi": "Chị đã kiểm tra xem trong nguyên liệu của mình có loại nào bị cấm hoặc bị hạn chế chưa (ví dụ một số loại gỗ, vỏ sò, lông chim hay cây cỏ)?",
    },
    13: {  # can fill 30 items in a month alone
        "en": "If a buyer asked, could you make 30 pieces in one month on your own?",
        "es": "Si un comprador se lo pidiera, ¿podría hacer 30 piezas en un mes usted sola?",
        "fr": "Si un acheteur vous le demandait, pourriez-vous faire 30 pièces en un mois toute seule ?",
        "vi": "Nếu người mua đặt hàng, một mình chị có làm được 30 sản phẩm trong một tháng không?",
    },
    14: {  # unique creation
        "en": "Is your product a unique creation, different from what others make?",
        "es": "¿Su producto es una creación única, distinta de lo que hacen otras personas?",
        "fr": "Votre produit est-il une création unique, différente de ce que font les autres ?",
        "vi": "Sản phẩm của chị có phải là sáng tạo riêng, khác với những gì người khác làm không?",
    },
    15: {  # several competitors make it
        "en": "Do several other people or businesses make a product like yours?",
        "es": "¿Hay varias personas o empresas que hacen un producto parecido al suyo?",
        "fr": "Plusieurs personnes ou entreprises font-elles un produit semblable au vôtre ?",
        "vi": "Có nhiều người hoặc cơ sở khác làm sản phẩm giống của chị không?",
    },
    16: {  # knows 3 potential distributors
        "en": "Do you know at least 3 shops or distributors that might sell your product?",
        "es": "¿Conoce por lo menos 3 tiendas o distribuidores que podrían vender su producto?",
        "fr": "Connaissez-vous au moins 3 boutiques ou distributeurs qui pourraient vendre votre produit ?",
        "vi": "Chị có biết ít nhất 3 cửa hàng hoặc nhà phân phối có thể bán sản phẩm của mình không?",
    },
    17: {  # willing to meet quality standards
        "en": "Are you willing to adjust your product to meet a buyer's quality standards?",
        "es": "¿Está dispuesta a ajustar su producto para cumplir las exigencias de calidad de un comprador?",
        "fr": "Êtes-vous prête à adapter votre produit pour respecter les exigences de qualité d'un acheteur ?",
        "vi": "Chị có sẵn lòng điều chỉnh sản phẩm để đạt tiêu chuẩn chất lượng của người mua không?",
    },
    18: {  # could use packaging help
        "en": "Would help with packaging be useful to you?",
        "es": "¿Le serviría ayuda con el empaque?",
        "fr": "Une aide pour l'emballage vous serait-elle utile ?",
        "vi": "Chị có cần được giúp về bao bì không?",
    },
    19: {  # knows her niche market
        "en": "Do you know who your buyers are: the particular group of people who look for a product like yours (your niche market)?",
        "es": "¿Sabe quiénes son sus compradores: el grupo especial de personas que busca un producto como el suyo (su nicho de mercado)?",
        "fr": "Savez-vous qui sont vos acheteurs : le groupe particulier de personnes qui cherchent un produit comme le vôtre (votre marché de niche) ?",
        "vi": "Chị có biết khách hàng của mình là ai không: nhóm người riêng đang tìm sản phẩm như của chị (thị trường ngách)?",
    },
    20: {  # has contact material ready
        "en": "Do you have something ready that tells buyers about you and how to reach you (a card, a leaflet, a sheet with photos)?",
        "es": "¿Tiene listo algo para que los compradores la conozcan y la contacten (una tarjeta, un folleto, una hoja con fotos)?",
        "fr": "Avez-vous quelque chose de prêt pour vous présenter aux acheteurs et leur dire comment vous joindre (une carte, un dépliant, une fiche avec photos) ?",
        "vi": "Chị đã có sẵn tài liệu giới thiệu về mình và cách liên lạc cho người mua chưa (danh thiếp, tờ rơi, trang ảnh sản phẩm)?",
    },
    21: {  # product has an expiry date
        "en": "Does your product have an expiry date (does it go bad after a while)?",
        "es": "¿Su producto tiene fecha de vencimiento (se echa a perder con el tiempo)?",
        "fr": "Votre produit a-t-il une date limite (s'abîme-t-il avec le temps) ?",
        "vi": "Sản phẩm của chị có hạn sử dụng không (để lâu có bị hỏng không)?",
    },
    22: {  # safety standards apply
        "en": "Are there safety rules for your kind of product (for example for toys, food or cosmetics)?",
        "es": "¿Hay normas de seguridad para su tipo de producto (por ejemplo, para juguetes, alimentos o cosméticos)?",
        "fr": "Y a-t-il des règles de sécurité pour votre type de produit (par exemple pour les jouets, les aliments ou les cosmétiques) ?",
        "vi": "Có quy định an toàn nào cho loại sản phẩm của chị không (ví dụ đồ chơi, thực phẩm hay mỹ phẩm)?",
    },
    23: {  # knows how to insure and ship
        "en": "Do you know how to insure your goods and ship them?",
        "es": "¿Sabe cómo asegurar y enviar su mercadería?",
        "fr": "Savez-vous comment assurer et expédier votre marchandise ?",
        "vi": "Chị có biết cách mua bảo hiểm cho hàng và gửi hàng đi không?",
    },
    24: {  # has photos/portfolio
        "en": "Do you have good photos of your products, or a portfolio?",
        "es": "¿Tiene buenas fotos de sus productos o un portafolio?",
        "fr": "Avez-vous de bonnes photos de vos produits, ou un portfolio ?",
        "vi": "Chị có ảnh đẹp về sản phẩm hoặc bộ sưu tập ảnh sản phẩm không?",
    },
    25: {  # has specifications (sizes, colours, quantities)
        "en": "Have you written down your product's details: sizes, colours and how many you can make?",
        "es": "¿Tiene anotados los detalles de su producto: medidas, colores y cuántos puede hacer?",
        "fr": "Avez-vous noté les détails de votre produit : tailles, couleurs et combien vous pouvez en faire ?",
        "vi": "Chị đã ghi lại thông tin sản phẩm chưa: kích thước, màu sắc và số lượng có thể làm?",
    },
    26: {  # has Internet access
        "en": "Can you use the Internet, at home or nearby?",
        "es": "¿Puede usar Internet, en su casa o cerca?",
        "fr": "Pouvez-vous utiliser Internet, chez vous ou près de chez vous ?",
        "vi": "Chị có dùng được Internet, ở nhà hoặc gần nhà không?",
    },
    27: {  # has a digital camera
        "en": "Do you have a digital camera, or a phone that takes good photos?",
        "es": "¿Tiene una cámara digital o un teléfono que saque buenas fotos?",
        "fr": "Avez-vous un appareil photo numérique, ou un téléphone qui fait de bonnes photos ?",
        "vi": "Chị có máy ảnh kỹ thuật số hoặc điện thoại chụp ảnh đẹp không?",
    },
    28: {  # willing to give a distributor 90 days' credit
        "en": "Would you accept being paid by a distributor up to 90 days after delivery?",
        "es": "¿Aceptaría que un distribuidor le pague hasta 90 días después de la entrega?",
        "fr": "Accepteriez-vous qu'un distributeur vous paie jusqu'à 90 jours après la livraison ?",
        "vi": "Chị có chấp nhận để nhà phân phối trả tiền chậm đến 90 ngày sau khi giao hàng không?",
    },
    29: {  # willing to let others put their label on it
        "en": "Would you let another business put its own label on your product?",
        "es": "¿Dejaría que otra empresa ponga su propia etiqueta en su producto?",
        "fr": "Accepteriez-vous qu'une autre entreprise mette sa propre étiquette sur votre produit ?",
        "vi": "Chị có đồng ý để cơ sở khác gắn nhãn hiệu của họ lên sản phẩm của chị không?",
    },
    30: {  # wants to be listed in catalogues
        "en": "Would you like your products to be shown in catalogues?",
        "es": "¿Le gustaría que sus productos aparezcan en catálogos?",
        "fr": "Aimeriez-vous que vos produits paraissent dans des catalogues ?",
        "vi": "Chị có muốn sản phẩm của mình được giới thiệu trong catalog không?",
    },
    31: {  # has samples
        "en": "Do you have samples you could send to buyers?",
        "es": "¿Tiene muestras que podría enviar a los compradores?",
        "fr": "Avez-vous des échantillons à envoyer aux acheteurs ?",
        "vi": "Chị có hàng mẫu để gửi cho người mua không?",
    },
    32: {  # has dealt with freight costs
        "en": "Have you ever paid freight to send a large amount of goods?",
        "es": "¿Alguna vez ha pagado un flete para enviar mercadería en cantidad?",
        "fr": "Avez-vous déjà payé le transport (fret) d'une grande quantité de marchandise ?",
        "vi": "Chị đã từng trả cước vận chuyển để gửi hàng số lượng lớn chưa?",
    },
    33: {  # there is a story behind the product
        "en": "Is there a story behind your product: about you, your community or your tradition?",
        "es": "¿Hay una historia detrás de su producto: sobre usted, su comunidad o su tradición?",
        "fr": "Y a-t-il une histoire derrière votre produit : la vôtre, celle de votre communauté ou de votre tradition ?",
        "vi": "Sản phẩm của chị có câu chuyện phía sau không: về chị, cộng đồng hay truyền thống của chị?",
    },
    34: {  # can market it as part of a theme or event
        "en": "Could your product be sold as part of a theme or an event (a festival, a season, a sports event)?",
        "es": "¿Su producto se podría vender como parte de un tema o un evento (una fiesta, una temporada, un evento deportivo)?",
        "fr": "Votre produit pourrait-il être vendu autour d'un thème ou d'un événement (une fête, une saison, un événement sportif) ?",
        "vi": "Sản phẩm của chị có thể bán theo một chủ đề hay sự kiện không (lễ hội, mùa trong năm, sự kiện thể thao)?",
    },
    35: {  # product is a food
        "en": "Is your product a food?",
        "es": "¿Su producto es un alimento?",
        "fr": "Votre produit est-il un aliment ?",
        "vi": "Sản phẩm của chị có phải là thực phẩm không?",
    },
    36: {  # has dealt with government trade departments
        "en": "Have you ever dealt with a government trade office?",
        "es": "¿Alguna vez ha hecho trámites con una oficina de comercio del gobierno?",
        "fr": "Avez-vous déjà eu affaire à un service de l'État chargé du commerce ?",
        "vi": "Chị đã từng làm việc với cơ quan thương mại của nhà nước chưa?",
    },
    37: {  # aware of product-development supports
        "en": "Do you know about programmes that help develop new products?",
        "es": "¿Conoce programas que ayudan a desarrollar productos nuevos?",
        "fr": "Connaissez-vous des programmes qui aident à créer de nouveaux produits ?",
        "vi": "Chị có biết các chương trình hỗ trợ phát triển sản phẩm mới không?",
    },
    38: {  # has a trademark or copyright
        "en": "Do you have a registered trademark or copyright for your product or your designs?",
        "es": "¿Tiene una marca registrada o derechos de autor sobre su producto o sus diseños?",
        "fr": "Avez-vous une marque déposée ou des droits d'auteur sur votre produit ou vos motifs ?",
        "vi": "Chị có nhãn hiệu đã đăng ký hoặc bản quyền cho sản phẩm hay mẫu thiết kế của mình không?",
    },
    39: {  # knows her trade/small-business department
        "en": "Do you know your local office for trade or small businesses?",
        "es": "¿Conoce la oficina de comercio o de pequeñas empresas de su zona?",
        "fr": "Connaissez-vous le bureau du commerce ou des petites entreprises de votre région ?",
        "vi": "Chị có biết cơ quan phụ trách thương mại hoặc doanh nghiệp nhỏ ở địa phương không?",
    },
    40: {  # knows international shipping cost
        "en": "Do you know how much it costs to send your product to another country?",
        "es": "¿Sabe cuánto cuesta enviar su producto a otro país?",
        "fr": "Savez-vous combien coûte l'envoi de votre produit vers un autre pays ?",
        "vi": "Chị có biết gửi sản phẩm ra nước ngoài tốn bao nhiêu tiền không?",
    },
    41: {  # packaging complete with English instructions
        "en": "Is your packaging complete, with instructions in English?",
        "es": "¿Su empaque está completo, con instrucciones en inglés?",
        "fr": "Votre emballage est-il complet, avec des instructions en anglais ?",
        "vi": "Bao bì của chị đã đầy đủ và có hướng dẫn bằng tiếng Anh chưa?",
    },
    42: {  # materials need an inspection agency
        "en": "Do your materials need to be checked by an inspection agency before they can go abroad?",
        "es": "¿Sus materiales deben ser revisados por una agencia de inspección antes de salir del país?",
        "fr": "Vos matériaux doivent-ils être contrôlés par un organisme d'inspection avant de partir à l'étranger ?",
        "vi": "Nguyên liệu của chị có cần cơ quan kiểm định kiểm tra trước khi gửi ra nước ngoài không?",
    },
    43: {  # knows FOB, CIF, DDP
        "en": "Do you know the shipping terms FOB, CIF and DDP (who pays for what along the way)?",
        "es": "¿Conoce los términos de envío FOB, CIF y DDP (quién paga qué en el camino)?",
        "fr": "Connaissez-vous les conditions d'envoi FOB, CIF et DDP (qui paie quoi en chemin) ?",
        "vi": "Chị có biết các điều kiện giao hàng FOB, CIF và DDP không (ai trả chi phí nào trên đường đi)?",
    },
    44: {  # sells well at home
        "en": "Does your product sell well in your own country?",
        "es": "¿Su producto se vende bien en su propio país?",
        "fr": "Votre produit se vend-il bien dans votre pays ?",
        "vi": "Sản phẩm của chị có bán chạy ở trong nước không?",
    },
}
